using System.Collections.Frozen;
using PatentTransfer.Domain.Common;
using PatentTransfer.Domain.Patents;

namespace PatentTransfer.Infrastructure.Patents.Import;

/// <summary>How the import reads dates and legal states as holders type them.</summary>
public static class PatentImportValues
{
    // "失效" says only that the right ended; the reader decides between lapse and expiry (see ResolveEnded).
    private const LegalStatus Ended = (LegalStatus)(-1);

    private static readonly FrozenDictionary<string, LegalStatus> Statuses = new Dictionary<string, LegalStatus>(StringComparer.OrdinalIgnoreCase)
    {
        ["有效"] = LegalStatus.Valid,
        ["有权"] = LegalStatus.Valid,
        ["授权"] = LegalStatus.Valid,
        ["专利权有效"] = LegalStatus.Valid,
        ["审中"] = LegalStatus.Pending,
        ["在审"] = LegalStatus.Pending,
        ["审查中"] = LegalStatus.Pending,
        ["实质审查"] = LegalStatus.Pending,
        ["实审"] = LegalStatus.Pending,
        ["公开"] = LegalStatus.Pending,
        ["失效"] = Ended,
        ["未缴年费终止"] = LegalStatus.Lapsed,
        ["未缴年费"] = LegalStatus.Lapsed,
        ["年费终止"] = LegalStatus.Lapsed,
        ["无效"] = LegalStatus.Invalidated,
        ["全部无效"] = LegalStatus.Invalidated,
        ["宣告无效"] = LegalStatus.Invalidated,
        ["届满"] = LegalStatus.Expired,
        ["期限届满"] = LegalStatus.Expired,
        ["届满终止"] = LegalStatus.Expired,
        [nameof(LegalStatus.Pending)] = LegalStatus.Pending,
        [nameof(LegalStatus.Valid)] = LegalStatus.Valid,
        [nameof(LegalStatus.Lapsed)] = LegalStatus.Lapsed,
        [nameof(LegalStatus.Invalidated)] = LegalStatus.Invalidated,
        [nameof(LegalStatus.Expired)] = LegalStatus.Expired,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// <see cref="Text.NormaliseInput"/>, skipped for text that it would return unchanged. Most cells are like that,
    /// and the Unicode normalisation inside costs more for Chinese text than everything else done to a row.
    /// </summary>
    public static string Normalise(string? value) =>
        value is null ? string.Empty : IsAlreadyNormal(value) ? value : Text.NormaliseInput(value);

    /// <summary>
    /// True when <see cref="Text.NormaliseInput"/> would return the text as it is: no white space at the ends, only
    /// single spaces inside, nothing to fold to half-width, and only characters that Unicode normalisation (NFC)
    /// leaves alone (ASCII, Latin-1, general punctuation, CJK punctuation and unified ideographs, full-width
    /// punctuation).
    /// </summary>
    internal static bool IsAlreadyNormal(string value)
    {
        if (value.Length == 0 || value[0] == ' ' || value[^1] == ' ')
        {
            return false;
        }

        var previousWasSpace = false;
        foreach (var c in value)
        {
            if (c == ' ')
            {
                if (previousWasSpace)
                {
                    return false;
                }

                previousWasSpace = true;
                continue;
            }

            previousWasSpace = false;
            var plain = c switch
            {
                < ' ' => false,
                < '\u007F' => true,
                (>= '\u00A1' and < '\u0300') or (>= '\u2010' and <= '\u2027') => true,
                (>= '\u3001' and <= '\u3029') or (>= '\u3030' and <= '\u303F') => true,
                >= '\u4E00' and <= '\u9FFF' => true,
                // Full-width punctuation stays; full-width digits, letters and ＠ － ． are folded.
                >= '\uFF01' and <= '\uFF5E' => c is not ((>= '\uFF10' and <= '\uFF19') or (>= '\uFF21' and <= '\uFF3A')
                    or (>= '\uFF41' and <= '\uFF5A') or '\uFF20' or '\uFF0D' or '\uFF0E'),
                _ => false,
            };
            if (!plain)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Reads 2021-03-15, 2021/3/15, 2021.03.15, 20210315 and 2021年3月15日 (also with a time of day after it, as
    /// spreadsheets export date-times). Day-first and month-first orders are refused: they are ambiguous.
    /// </summary>
    public static bool TryParseDate(string? input, out DateOnly date)
    {
        date = default;
        var s = Normalise(input).AsSpan();
        var timeOfDay = s.IndexOfAny(' ', 'T');
        if (timeOfDay > 0)
        {
            s = s[..timeOfDay];
        }

        if (s.Length == 8 && !s.ContainsAnyExceptInRange('0', '9'))
        {
            return TryCreate(Number(s[..4]), Number(s[4..6]), Number(s[6..]), out date);
        }

        var position = 0;
        var year = Digits(s, ref position, 4, 4);
        if (year < 0 || position >= s.Length)
        {
            return false;
        }

        var separator = s[position++];
        if (separator is not ('-' or '/' or '.' or '年'))
        {
            return false;
        }

        var month = Digits(s, ref position, 1, 2);
        if (month < 0 || position >= s.Length)
        {
            return false;
        }

        var expected = separator == '年' ? '月' : separator;
        if (s[position++] != expected)
        {
            return false;
        }

        var day = Digits(s, ref position, 1, 2);
        if (day < 0)
        {
            return false;
        }

        if (separator == '年' && position < s.Length && s[position] == '日')
        {
            position++;
        }

        return position == s.Length && TryCreate(year, month, day, out date);
    }

    /// <summary>
    /// Reads a legal status in Chinese (有效, 审中, 在审, 失效, 未缴年费终止, 无效, 届满 and common variants) or as
    /// the English enum name. "失效" is a lapse unless the term of protection is over, then it is an expiry.
    /// </summary>
    public static bool TryParseLegalStatus(string? input, PatentType? type, DateOnly? filingDate, DateOnly today, out LegalStatus status)
    {
        var key = Normalise(input).Replace(" ", "", StringComparison.Ordinal);
        if (!Statuses.TryGetValue(key, out status))
        {
            return false;
        }

        if (status == Ended)
        {
            status = type is { } t && filingDate is { } filed && PatentTerms.LastDayOfProtection(t, filed) < today
                ? LegalStatus.Expired
                : LegalStatus.Lapsed;
        }

        return true;
    }

    /// <summary>The status of an empty cell: granted patents are in force, the others still under examination.</summary>
    public static LegalStatus DefaultLegalStatus(DateOnly? grantDate) => grantDate is null ? LegalStatus.Pending : LegalStatus.Valid;

    /// <summary>The values of a cell that holds several (separated by ; ； , ， 、 or line breaks), normalised, empty ones dropped.</summary>
    public static string[] SplitValues(string? cell)
    {
        if (string.IsNullOrWhiteSpace(cell))
        {
            return [];
        }

        if (cell.AsSpan().IndexOfAny(PatentImportColumns.ValueSeparators) < 0)
        {
            return [Normalise(cell)];
        }

        var parts = cell.Split(PatentImportColumns.ValueSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var count = 0;
        foreach (var part in parts)
        {
            var value = Normalise(part);
            if (value.Length > 0)
            {
                parts[count++] = value;
            }
        }

        return count == parts.Length ? parts : parts[..count];
    }

    private static bool TryCreate(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year is < 1900 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static int Number(ReadOnlySpan<char> digits)
    {
        var value = 0;
        foreach (var c in digits)
        {
            value = value * 10 + (c - '0');
        }

        return value;
    }

    /// <summary>Reads <paramref name="min"/> to <paramref name="max"/> ASCII digits at <paramref name="position"/>; -1 when there are too few or too many.</summary>
    private static int Digits(ReadOnlySpan<char> s, ref int position, int min, int max)
    {
        var start = position;
        while (position < s.Length && char.IsAsciiDigit(s[position]))
        {
            position++;
        }

        var length = position - start;
        return length < min || length > max ? -1 : Number(s[start..position]);
    }
}
