using System.Globalization;
using System.Text.RegularExpressions;
using PatentTransfer.Domain.Common;

namespace PatentTransfer.Domain.Patents;

/// <summary>
/// An International Patent Classification symbol down to the group: section A–H, 2-digit class, subclass letter,
/// main group of 1–4 digits, "/", subgroup of 2–6 digits ("H01M10/0525"). Whether the symbol exists is a question
/// for the IPC table, not for this type.
/// </summary>
public readonly partial record struct IpcCode
{
    private IpcCode(string value, int slash)
    {
        Value = value;
        _slash = slash;
    }

    private readonly int _slash;

    public string Value { get; }

    public char Section => Value[0];

    /// <summary>"H01".</summary>
    public string Class => Value[..3];

    /// <summary>"H01M".</summary>
    public string Subclass => Value[..4];

    /// <summary>"H01M10/00": the main group this symbol belongs to.</summary>
    public string MainGroup => Value[..(_slash + 1)] + "00";

    public override string ToString() => Value;

    public static IpcCode Parse(string? input) =>
        TryParse(input, out var code) ? code : throw new FormatException($"'{input}' is not an IPC symbol.");

    /// <summary>
    /// Accepts spaces ("H01M 10/0525"), full-width characters, lower case, zero-padded groups ("H01M0010/0525") and
    /// an edition suffix ("H01M10/0525(2010.01)").
    /// </summary>
    public static bool TryParse(string? input, out IpcCode code)
    {
        code = default;
        var s = Text.NormaliseInput(input).Replace(" ", "", StringComparison.Ordinal).Replace('／', '/').ToUpperInvariant();
        var edition = s.IndexOf('(', StringComparison.Ordinal);
        if (edition > 0)
        {
            s = s[..edition];
        }

        var match = Pattern().Match(s);
        if (!match.Success)
        {
            return false;
        }

        var mainGroup = int.Parse(match.Groups["main"].Value, CultureInfo.InvariantCulture);
        if (mainGroup == 0)
        {
            return false;
        }

        var prefix = match.Groups["subclass"].Value + mainGroup.ToString(CultureInfo.InvariantCulture);
        code = new IpcCode($"{prefix}/{match.Groups["sub"].Value}", prefix.Length);
        return true;
    }

    [GeneratedRegex(@"^(?<subclass>[A-H]\d{2}[A-Z])(?<main>\d{1,4})/(?<sub>\d{2,6})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

/// <summary>Locarno classification of industrial designs, "class-subclass" such as "12-08" (designs carry this instead of IPC).</summary>
public readonly partial record struct LocarnoClass
{
    private LocarnoClass(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    public static bool TryParse(string? input, out LocarnoClass code)
    {
        code = default;
        var s = Text.NormaliseInput(input).Replace(" ", "", StringComparison.Ordinal).Replace('—', '-').Replace('－', '-');
        var match = Pattern().Match(s);
        if (!match.Success)
        {
            return false;
        }

        var cls = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var sub = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        // Locarno has 32 classes (edition 14); subclasses are numbered from 01 (99 is "miscellaneous").
        if (cls is < 1 or > 32 || sub < 1)
        {
            return false;
        }

        code = new LocarnoClass(string.Create(CultureInfo.InvariantCulture, $"{cls:00}-{sub:00}"));
        return true;
    }

    [GeneratedRegex(@"^(\d{1,2})-(\d{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
