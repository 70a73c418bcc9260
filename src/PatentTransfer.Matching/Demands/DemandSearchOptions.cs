namespace PatentTransfer.Matching.Demands;

/// <summary>
/// How the demand index is built (configuration section "DemandSearch"). How its texts are analysed is not set
/// here: it follows <see cref="Search.PatentSearchOptions"/> (segmenter, stop words), so that demands and patents
/// are segmented alike.
/// </summary>
public sealed class DemandSearchOptions
{
    public const string SectionName = "DemandSearch";

    /// <summary>
    /// Folder of an on-disk index, which must not be the patent index's; null keeps the index in memory (it is
    /// rebuilt from the database at start).
    /// </summary>
    public string? IndexDirectory { get; set; }

    /// <summary>Per-field weights of a query word.</summary>
    public DemandFieldBoosts FieldBoosts { get; set; } = DemandFieldBoosts.Default;

    /// <summary>
    /// How much the fields other than the best-matching one add to a word's score: 0 counts only the best field,
    /// 1 adds all fields up. The patent index's value, measured there (decision 0008).
    /// </summary>
    public float FieldTieBreaker { get; set; } = 0.3f;

    /// <summary>Longest snippet, in characters of the original text.</summary>
    public int SnippetLength { get; set; } = 120;

    /// <summary>Memory the writer fills before it flushes a segment during a rebuild; demands number thousands, not millions.</summary>
    public double RebuildRamBufferMegabytes { get; set; } = 64;
}

/// <summary>
/// Weights of the analysed text fields in a query. No judged demand searches exist yet to tune them against; the
/// defaults follow the patent index's measured pattern (the short, chosen texts — title, keywords — count double)
/// and halve the basis, which describes the company (厂房, 团队, 销售收入) rather than what it is looking for.
/// </summary>
public sealed record DemandFieldBoosts(float Title, float Problem, float Targets, float Basis, float Product, float Keywords)
{
    public static DemandFieldBoosts Default { get; } = new(Title: 2f, Problem: 1f, Targets: 1f, Basis: 0.5f, Product: 1f, Keywords: 2f);
}
