using System.Text.RegularExpressions;
using PatentTransfer.Matching.Text;

namespace PatentTransfer.Matching.Search;

/// <summary>
/// IPC symbols as the index stores them: each code is indexed with every level above it (H, H01, H01M, H01M10/,
/// H01M10/0525), so a filter at section, class, subclass or group level is a single exact term, and any longer
/// prefix of a full symbol is a prefix match on the same field.
/// </summary>
internal static partial class IpcCodes
{
    /// <summary>Upper case, no spaces, full-width characters folded: "h01m 10/0525" → "H01M10/0525".</summary>
    public static string Normalise(string code) =>
        TextFolding.Fold(code).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    public static IEnumerable<string> Levels(string code)
    {
        var normalised = Normalise(code);
        var match = LevelsPattern().Match(normalised);
        if (!match.Success)
        {
            // Not an IPC symbol we understand: still findable by exact value or prefix.
            if (normalised.Length > 0)
            {
                yield return normalised;
            }

            yield break;
        }

        yield return normalised[..1];
        if (match.Groups["class"].Success)
        {
            yield return normalised[..3];
        }

        if (match.Groups["subclass"].Success)
        {
            yield return normalised[..4];
        }

        if (match.Groups["group"].Success)
        {
            yield return normalised[..(4 + match.Groups["group"].Length)] + "/";
            if (match.Groups["subgroup"].Success)
            {
                yield return normalised;
            }
        }
    }

    /// <summary>
    /// The query side: whether <paramref name="prefix"/> names a whole level down to the group (an exact term) or
    /// is anything longer or partial (a prefix). "H01M10" means the group "H01M10/", never also "H01M100/…";
    /// "H01M10/05" is a prefix, so it also finds "H01M10/0525".
    /// </summary>
    public static (string Value, bool IsLevel) ParsePrefix(string prefix)
    {
        var normalised = Normalise(prefix);
        if (GroupWithoutSlashPattern().IsMatch(normalised))
        {
            return (normalised + "/", true);
        }

        var isLevel = LevelPattern().IsMatch(normalised);
        return (normalised, isLevel);
    }

    [GeneratedRegex(@"^[A-H](?:(?<class>\d{2})(?:(?<subclass>[A-Z])(?:(?<group>\d{1,4})(?:/(?<subgroup>\d{2,6})?)?)?)?)?$")]
    private static partial Regex LevelsPattern();

    [GeneratedRegex(@"^[A-H]\d{2}[A-Z]\d{1,4}$")]
    private static partial Regex GroupWithoutSlashPattern();

    // Section, class, subclass or group: the levels indexed as terms of their own. A subgroup is not among them
    // because a symbol such as "H01M10/05" is also the prefix of its finer subgroups ("H01M10/052", "H01M10/0525").
    [GeneratedRegex(@"^[A-H](\d{2}([A-Z](\d{1,4}/)?)?)?$")]
    private static partial Regex LevelPattern();
}
