using PatentTransfer.Domain.Common;

namespace PatentTransfer.Domain.Organisations;

/// <summary>What is wrong with a typed unified social credit code.</summary>
public enum CreditCodeError
{
    None,
    Empty,
    WrongLength,
    InvalidCharacter,
    WrongCheckCharacter,
}

/// <summary>
/// Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-character set without
/// I, O, Z, S and V; the last one is a check character over the first 17 (weights 3^i mod 31).
/// </summary>
public readonly record struct CreditCode
{
    public const string Charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    public const int Length = 18;

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    private CreditCode(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    public static CreditCode Parse(string? input) =>
        TryParse(input, out var code, out var error)
            ? code
            : throw new FormatException($"Not a valid unified social credit code ({error}).");

    /// <summary>
    /// Accepts what people paste: surrounding spaces, spaces or hyphens inside, lower case and full-width
    /// characters are normalised before the check.
    /// </summary>
    public static bool TryParse(string? input, out CreditCode code, out CreditCodeError error)
    {
        code = default;
        var normalised = Normalise(input);
        if (normalised.Length == 0)
        {
            error = CreditCodeError.Empty;
            return false;
        }

        if (normalised.Length != Length)
        {
            error = CreditCodeError.WrongLength;
            return false;
        }

        foreach (var c in normalised)
        {
            if (!Charset.Contains(c, StringComparison.Ordinal))
            {
                error = CreditCodeError.InvalidCharacter;
                return false;
            }
        }

        if (ComputeCheckCharacter(normalised.AsSpan(0, Length - 1)) != normalised[Length - 1])
        {
            error = CreditCodeError.WrongCheckCharacter;
            return false;
        }

        code = new CreditCode(normalised);
        error = CreditCodeError.None;
        return true;
    }

    /// <summary>The check character for the first 17 characters, which must all be in <see cref="Charset"/>.</summary>
    public static char ComputeCheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != Length - 1)
        {
            throw new ArgumentException("Exactly 17 characters are needed.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < first17.Length; i++)
        {
            var value = Charset.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0)
            {
                throw new ArgumentException($"'{first17[i]}' is not a credit-code character.", nameof(first17));
            }

            sum += value * Weights[i];
        }

        var check = 31 - (sum % 31);
        return Charset[check == 31 ? 0 : check];
    }

    private static string Normalise(string? input) =>
        Text.NormaliseInput(input).Replace(" ", "", StringComparison.Ordinal)
            .Replace("-", "", StringComparison.Ordinal)
            .ToUpperInvariant();
}
