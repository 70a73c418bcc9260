using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using PatentTransfer.Matching.Demands;

namespace PatentTransfer.Matching.Recommend;

/// <summary>Where a query term came from, for the explanation.</summary>
public enum QueryTermSource
{
    Title,
    Text,
    Keyword,
    Feedback,
}

/// <summary>A word or character pair of the query and its weight.</summary>
public sealed record QueryTerm(string Text, bool IsBigram, float Weight, QueryTermSource Source);

/// <summary>
/// Builds the text query of a long demand: the demand is read into its parts (<see cref="DemandTextReader"/>) and only
/// the title, problem and targets are used (company history, revenue, budget, cooperation terms and headings such
/// as 需求内容/预期目标 are left out); each word is weighted by where it stands (title words count more, and so do the
/// words of the sentence that says what is wanted, <see cref="MatchOptions.WishWeight"/>), how often it is used
/// (sub-linearly) and how rare it is among patents; the most informative words and character pairs make the query.
/// </summary>
internal sealed partial class MatchQueryBuilder(Analyzer words, Analyzer bigrams, MatchOptions options)
{
    public IReadOnlyList<QueryTerm> Terms(DemandProfile demand, IndexReader reader) => Read(demand, reader).Terms;

    /// <summary>The query terms of <paramref name="demand"/>, and the part of its text they were drawn from (title, problem and targets).</summary>
    public (IReadOnlyList<QueryTerm> Terms, string CoreText) Read(DemandProfile demand, IndexReader reader)
    {
        var sections = DemandTextReader.Read(demand.Title ?? "", demand.Content ?? "");
        var raw = new Dictionary<(string, bool), (float Weight, QueryTermSource Source)>();

        // The text is analysed in one pass (the segmenter's cost is mostly per call) and each word weighs what the
        // sentence it stands in weighs. The core text starts with the title, a line of its own: its words weigh
        // DemandTitleWeight more and are marked as the title's.
        var text = sections.CoreText;
        var titleExtra = Math.Max(0f, options.DemandTitleWeight - 1f);
        var sentences = new List<(int End, float Weight, QueryTermSource Source)>();
        foreach (var range in Sentence().EnumerateSplits(text))
        {
            var (start, length) = range.GetOffsetAndLength(text.Length);
            var weight = Wish().IsMatch(text.AsSpan(start, length)) ? options.WishWeight : 1f;
            sentences.Add(start < sections.CoreTitleLength && titleExtra > 0
                ? (start + length, weight + titleExtra, QueryTermSource.Title)
                : (start + length, weight, QueryTermSource.Text));
        }

        AddTokens(raw, words, text, isBigram: false, sentences);
        AddTokens(raw, bigrams, text, isBigram: true, sentences);

        foreach (var keyword in demand.Keywords)
        {
            Add(raw, keyword, options.DemandKeywordWeight, QueryTermSource.Keyword);
        }

        return (MatchQueries.Choose(raw, reader, PatentMatchSchema.WordFields, PatentMatchSchema.Bigrams, options), sections.CoreText);
    }

    /// <summary>The Lucene query for <paramref name="terms"/>: each word across the word fields, each pair in the pair field.</summary>
    public BooleanQuery Query(TermContexts lookup, IReadOnlyList<QueryTerm> terms) =>
        MatchQueries.Disjunction(lookup, terms, PatentMatchSchema.WordFieldBoosts(options), PatentMatchSchema.Bigrams, options);

    /// <summary>The first pass of a two-pass search: the words alone, on the abstract alone (every patent has one).</summary>
    public static BooleanQuery FirstPassQuery(TermContexts lookup, IReadOnlyList<QueryTerm> terms)
    {
        var words = terms.Where(t => !t.IsBigram).ToList();
        var contexts = lookup.Of(PatentMatchSchema.Abstract, words.Select(t => t.Text));
        var query = new BooleanQuery();
        foreach (var term in words)
        {
            query.Add(new TermQuery(new Term(PatentMatchSchema.Abstract, term.Text), contexts[term.Text]) { Boost = term.Weight }, Occur.SHOULD);
        }

        return query;
    }

    private void Add(Dictionary<(string, bool), (float Weight, QueryTermSource Source)> raw, string? text, float weight, QueryTermSource source)
    {
        if (string.IsNullOrWhiteSpace(text) || weight <= 0)
        {
            return;
        }

        List<(int End, float Weight, QueryTermSource Source)> whole = [(text.Length, weight, source)];
        AddTokens(raw, words, text, isBigram: false, whole);
        AddTokens(raw, bigrams, text, isBigram: true, whole);
    }

    /// <summary>
    /// Adds the tokens of <paramref name="text"/>, each at the weight and from the source of the part it starts in
    /// (parts given by their ends, in order). A term met in the title stays the title's.
    /// </summary>
    private static void AddTokens(
        Dictionary<(string, bool), (float Weight, QueryTermSource Source)> raw,
        Analyzer analyzer,
        string text,
        bool isBigram,
        List<(int End, float Weight, QueryTermSource Source)> parts)
    {
        using var stream = analyzer.GetTokenStream(isBigram ? PatentMatchSchema.Bigrams : PatentMatchSchema.Abstract, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        var part = 0;
        while (stream.IncrementToken())
        {
            // Tokens come in order of their offsets, so the part only moves forward.
            while (part < parts.Count - 1 && offset.StartOffset >= parts[part].End)
            {
                part++;
            }

            var (_, weight, source) = parts[part];
            if (weight <= 0)
            {
                continue;
            }

            var key = (term.ToString(), isBigram);
            raw[key] = raw.TryGetValue(key, out var known)
                ? (known.Weight + weight, known.Source == QueryTermSource.Title || source != QueryTermSource.Title ? known.Source : source)
                : (weight, source);
        }

        stream.End();
    }

    [GeneratedRegex(@"[。！？；!?;\n]+")]
    private static partial Regex Sentence();

    /// <summary>
    /// A sentence that asks for something: the need words of formal postings (寻求, 希望, 亟需, 征集 …) and the colloquial
    /// 想 of a want (想找, 想要, 想做 …) — the genre's own words, not any subject's.
    /// </summary>
    [GeneratedRegex(@"寻求|寻找|希望|亟需|急需|征集|需要|期望|想(?:找|要|买|获得|引进|有|实现|做|让|把|用|在)|求购")]
    private static partial Regex Wish();
}
