using System.Globalization;
using PatentTransfer.Matching.Text.Analysis;

namespace PatentTransfer.Matching.Recommend;

/// <summary>
/// The settings of the matching engine. The defaults are the ones chosen by measurement on the development set
/// (docs/decisions/0016-matching-engine.md); each can be changed for an experiment with
/// <see cref="Set"/> (the CLI's <c>--set name=value</c>), so that a figure in the decision record can be repeated.
/// </summary>
public sealed class MatchOptions
{
    /// <summary>The word segmenter of the patent texts and the demand.</summary>
    public ChineseAnalyzerKind Analyzer { get; set; } = ChineseAnalyzerKind.SmartCn;

    /// <summary>Folder of an on-disk index; null keeps it in memory.</summary>
    public string? IndexDirectory { get; set; }

    /// <summary>Weight of a demand word found in the patent's title (or, without one, the subject of its abstract).</summary>
    public float TitleBoost { get; set; } = 2f;

    public float AbstractBoost { get; set; } = 1f;

    public float ClaimsBoost { get; set; } = 0.5f;

    /// <summary>How much the fields other than a word's best one add (0: the best field alone; 1: all add up).</summary>
    public float TieBreaker { get; set; } = 0.3f;

    /// <summary>Weight of the character-pair field against the word fields (0 switches pairs off).</summary>
    public float BigramWeight { get; set; } = 0.3f;

    /// <summary>Weight of a word of the demand's title against a word of its body.</summary>
    public float DemandTitleWeight { get; set; } = 2f;

    /// <summary>Weight of a keyword the SME entered itself.</summary>
    public float DemandKeywordWeight { get; set; } = 1.5f;

    /// <summary>The most words a demand contributes to its query, the most informative first.</summary>
    public int MaxQueryWords { get; set; } = 24;

    /// <summary>The most character pairs a demand contributes to its query.</summary>
    public int MaxQueryBigrams { get; set; } = 24;

    /// <summary>Patents fetched by text before structured fit re-ranks them.</summary>
    public int CandidateDepth { get; set; } = 50;

    /// <summary>
    /// Candidates of the cheap first pass (the demand's words on the abstracts) that the full query then scores; 0 runs
    /// the full query over every patent instead.
    /// </summary>
    public int FirstPassDepth { get; set; } = 300;

    /// <summary>
    /// The fewest patents for which the two-pass search pays: in a small index the postings are short, and the full
    /// query over every patent is faster than choosing candidates first (3,720 patents: p95 9 ms against 11 ms).
    /// </summary>
    public int FirstPassMinDocs { get; set; } = 20_000;

    /// <summary>
    /// Weight of the words of a demand sentence that says what is wanted (希望…, 寻求…, 想找一种…) against the other
    /// sentences of its problem and targets: SMEs describe their trade and their trouble at length, and those words
    /// match many patents; the wish names what the patent has to do.
    /// </summary>
    public float WishWeight { get; set; } = 3f;

    /// <summary>
    /// Weight of the share of the demand's character pairs (query weight × rarity) a candidate contains, added to its
    /// relative BM25 score: a patent about the whole demand beats one that repeats a few of its rarest pairs.
    /// </summary>
    public float PairCoverageWeight { get; set; } = 0.5f;

    /// <summary>
    /// Weight of the share of the demand's character pairs found together in one passage of the patent
    /// (<see cref="ProximityWindow"/> characters), added like <see cref="PairCoverageWeight"/>.
    /// </summary>
    public float ProximityWeight { get; set; } = 1f;

    /// <summary>The length in characters of the passage of <see cref="ProximityWeight"/>.</summary>
    public int ProximityWindow { get; set; } = 60;

    /// <summary>
    /// What a demand's word that a candidate lacks but holds as a near-synonym adds to its relevance, per unit of the
    /// synonym's idf (<see cref="Synonyms.SynonymBridge"/>); 0 leaves synonyms out.
    /// </summary>
    public float SynonymWeight { get; set; } = 0.02f;

    /// <summary>The largest share of patents a demand's word may be found in and still be bridged by its synonyms.</summary>
    public float SynonymMaxShare { get; set; } = 0.005f;

    /// <summary>
    /// The least text relevance a candidate needs to be recommended, as a share of the best candidate's (which is 1).
    /// The structured factors order patents about the demand; they must not fill a list with patents that share a
    /// word or two with it (a corn-stalk shredder for a ball-mill liner, for being sleeping, an invention and held in Hebei).
    /// </summary>
    public float MinRelevance { get; set; } = 0.1f;

    /// <summary>Sets one option by name (case does not matter), for experiments; unknown names and bad numbers throw.</summary>
    public void Set(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        var property = typeof(MatchOptions).GetProperties()
            .FirstOrDefault(p => p.CanWrite && p.Name.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"unknown matching option '{name}'", nameof(name));
        object parsed = property.PropertyType switch
        {
            var t when t == typeof(float) => float.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture),
            var t when t == typeof(int) => int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture),
            var t when t == typeof(ChineseAnalyzerKind) => ChineseAnalyzers.Parse(value),
            var t when t == typeof(string) => value,
            _ => throw new ArgumentException($"matching option '{name}' cannot be set from text", nameof(name)),
        };
        property.SetValue(this, parsed);
    }

    public Lucene.Net.Analysis.Analyzer CreateWordAnalyzer() => ChineseAnalyzers.Create(Analyzer);
}
