using System.Text.RegularExpressions;
using PatentTransfer.Domain.Common;

namespace PatentTransfer.Domain.Patents;

/// <summary>
/// Chinese publication (公开/公告) number: "CN", the document number and a kind code — A application
/// publication, B invention grant, U utility model, S design; C, Y and D were used before 2010
/// (e.g. CN113914863A). Older documents have 7 or 8 digits.
/// </summary>
public readonly partial record struct PublicationNumber
{
    private PublicationNumber(string value) => Value = value;

    public string Value { get; }

    /// <summary>The kind code letter: A, B, C, D, S, U or Y.</summary>
    public char Kind => Value[^1] is >= '0' and <= '9' ? Value[^2] : Value[^1];

    /// <summary>A grant publication (B, C, U, Y, S, D) rather than an application publication (A).</summary>
    public bool IsGrant => Kind != 'A';

    public override string ToString() => Value;

    public static bool TryParse(string? input, out PublicationNumber number)
    {
        number = default;
        var s = Text.NormaliseInput(input).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (!s.StartsWith("CN", StringComparison.Ordinal))
        {
            s = "CN" + s;
        }

        if (!Pattern().IsMatch(s))
        {
            return false;
        }

        number = new PublicationNumber(s);
        return true;
    }

    [GeneratedRegex(@"^CN\d{7,9}[ABCDSUY]\d?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
