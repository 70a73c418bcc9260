using PatentTransfer.Domain.Common;

namespace PatentTransfer.Domain.Patents;

/// <summary>What is wrong with a typed application number.</summary>
public enum ApplicationNumberError
{
    None,
    Empty,
    WrongFormat,
    CheckDigitMissing,
    UnknownType,
    ImpossibleYear,
    WrongCheckDigit,
}

/// <summary>
/// Chinese patent application number (申请号, ZC 0006-2003). Since 2003-10-01: 4-digit year, type digit, 7-digit
/// serial, "." and a check character (weights 2,3,4,5,6,7,8,9,2,3,4,5 on the 12 digits, sum mod 11, 10 written
/// "X"). Before: 2-digit year, type digit, 5-digit serial and the check character over weights 2..9.
/// <see cref="Value"/> is the canonical form "202110123456.7" / "97101765.4".
/// </summary>
public readonly record struct ApplicationNumber
{
    private static readonly int[] Weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];

    private ApplicationNumber(string value, int year, int typeDigit)
    {
        Value = value;
        Year = year;
        TypeDigit = typeDigit;
    }

    public string Value { get; }

    /// <summary>The filing year encoded in the number.</summary>
    public int Year { get; }

    /// <summary>1 invention, 2 utility model, 3 design, 8 PCT invention entering China, 9 PCT utility model.</summary>
    public int TypeDigit { get; }

    public PatentType Type => TypeDigit switch
    {
        1 or 8 => PatentType.Invention,
        2 or 9 => PatentType.UtilityModel,
        _ => PatentType.Design,
    };

    /// <summary>An international (PCT) application that entered the Chinese national phase.</summary>
    public bool IsPct => TypeDigit is 8 or 9;

    /// <summary>The granted patent's number as it is cited: "ZL202110123456.7".</summary>
    public string PatentNumber => "ZL" + Value;

    public override string ToString() => Value;

    public static ApplicationNumber Parse(string? input) =>
        TryParse(input, out var number, out var error)
            ? number
            : throw new FormatException($"Not a valid application number ({error}).");

    /// <summary>
    /// Accepts what people paste: "CN"/"ZL" prefixes, spaces, full-width characters, a lower-case x and a missing
    /// dot before the check character.
    /// </summary>
    public static bool TryParse(string? input, out ApplicationNumber number, out ApplicationNumberError error)
    {
        number = default;
        var s = Text.NormaliseInput(input).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (s.StartsWith("ZL", StringComparison.Ordinal) || s.StartsWith("CN", StringComparison.Ordinal))
        {
            s = s[2..];
        }

        if (s.Length == 0)
        {
            error = ApplicationNumberError.Empty;
            return false;
        }

        var dot = s.IndexOf('.', StringComparison.Ordinal);
        string digits;
        char? check;
        if (dot >= 0)
        {
            digits = s[..dot];
            var rest = s[(dot + 1)..];
            if (rest.Length != 1)
            {
                error = rest.Length == 0 ? ApplicationNumberError.CheckDigitMissing : ApplicationNumberError.WrongFormat;
                return false;
            }

            check = rest[0];
        }
        else if (s.Length is 13 or 9)
        {
            digits = s[..^1];
            check = s[^1];
        }
        else
        {
            digits = s;
            check = null;
        }

        if (digits.Length is not (12 or 8) || !digits.All(char.IsAsciiDigit) || check is not null && !(char.IsAsciiDigit(check.Value) || check == 'X'))
        {
            error = ApplicationNumberError.WrongFormat;
            return false;
        }

        if (check is null)
        {
            error = ApplicationNumberError.CheckDigitMissing;
            return false;
        }

        var modern = digits.Length == 12;
        var typeDigit = digits[modern ? 4 : 2] - '0';
        if (typeDigit is not (1 or 2 or 3 or 8 or 9))
        {
            error = ApplicationNumberError.UnknownType;
            return false;
        }

        var year = modern ? int.Parse(digits[..4], System.Globalization.CultureInfo.InvariantCulture) : TwoDigitYear(digits[..2]);
        // The 12-digit scheme started in October 2003 and the 8-digit one with the Patent Law in 1985.
        if (modern ? year is < 2003 or > 2099 : year is < 1985 or > 2003)
        {
            error = ApplicationNumberError.ImpossibleYear;
            return false;
        }

        if (ComputeCheckCharacter(digits) != check)
        {
            error = ApplicationNumberError.WrongCheckDigit;
            return false;
        }

        number = new ApplicationNumber($"{digits}.{check}", year, typeDigit);
        error = ApplicationNumberError.None;
        return true;
    }

    /// <summary>The check character for 12 (or, before 2003, 8) digits.</summary>
    public static char ComputeCheckCharacter(string digits)
    {
        if (digits.Length is not (12 or 8) || !digits.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("12 or 8 digits are needed.", nameof(digits));
        }

        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            sum += (digits[i] - '0') * Weights[i];
        }

        var remainder = sum % 11;
        return remainder == 10 ? 'X' : (char)('0' + remainder);
    }

    private static int TwoDigitYear(string yy)
    {
        var value = int.Parse(yy, System.Globalization.CultureInfo.InvariantCulture);
        return value >= 85 ? 1900 + value : 2000 + value;
    }
}
