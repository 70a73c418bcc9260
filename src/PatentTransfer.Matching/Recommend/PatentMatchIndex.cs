using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;
using Lucene.Net.Util;
using PatentTransfer.Matching.Recommend.Synonyms;
using PatentTransfer.Matching.Search;

namespace PatentTransfer.Matching.Recommend;

/// <summary>
/// A word of the demand found in a recommended patent, and its share of the text score. <paramref name="DemandWord"/>
/// is set when the patent's word stands in for a word of the demand it lacks, as its near-synonym (挖掘机 for 挖机).
/// </summary>
public sealed record MatchedTerm(string Text, double Share, string? DemandWord = null);

/// <summary>
/// One recommended patent: its score (text relevance relative to the best candidate, plus the structured factors),
/// the demand's words it contains and each factor's contribution, so that the ranking can be explained.
/// </summary>
public sealed record PatentRecommendation(
    Guid PatentId,
    double Score,
    float TextScore,
    IReadOnlyList<MatchedTerm> MatchedTerms,
    IReadOnlyList<MatchFactor> Factors);

/// <summary>
/// Ranks patents for a technology demand. Candidates come from a Lucene.NET index of the patents' words (title,
/// abstract, claims) and character pairs, queried with the demand's informative words
/// (<see cref="MatchQueryBuilder"/>); only valid patents are candidates. The best <see cref="MatchOptions.CandidateDepth"/>
/// are re-ranked by how much of the demand they cover and by their structured fit (<see cref="MatchFit"/>), and explained. Thread-safe: searches run
/// concurrently; changes are serialised and seen by the next search (see <see cref="LuceneIndex{TItem}"/>).
/// </summary>
public sealed class PatentMatchIndex : IDisposable
{
    private static readonly Filter ValidOnly = new CachingWrapperFilter(new TermFilter(new Term(PatentMatchSchema.Valid, "1")));

    private readonly MatchOptions _options;
    private readonly MatchWeights _weights;
    private readonly LuceneIndex<PatentDocument> _index;
    private readonly MatchQueryBuilder _queries;
    private readonly SynonymBridge _synonyms;
    private readonly Analyzer _words;
    private readonly Analyzer _bigrams;

    public PatentMatchIndex(MatchOptions options, MatchWeights? weights = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _weights = weights ?? new MatchWeights();
        _words = options.CreateWordAnalyzer();
        _bigrams = Text.Analysis.BigramAnalyzer.Create();
        _index = new LuceneIndex<PatentDocument>(
            PatentMatchSchema.CreateAnalyzer(options), options.IndexDirectory, 256, "patent", patent => patent.Id, PatentMatchSchema.ToLucene);
        _queries = new MatchQueryBuilder(_words, _bigrams, options);
        // Synonyms are looked for in titles and abstracts: most patents have no claims, and claims restate the abstract.
        _synonyms = new SynonymBridge(_words, options, [PatentMatchSchema.Title, PatentMatchSchema.Abstract], PatentMatchSchema.Bigrams);
    }

    public int Count => _index.Count;

    public MatchOptions Options => _options;

    public void Rebuild(IEnumerable<PatentDocument> patents, CancellationToken cancellationToken = default) =>
        _index.Rebuild(patents, cancellationToken);

    public void Upsert(PatentDocument patent) => _index.Upsert(patent);

    public void UpsertMany(IEnumerable<PatentDocument> patents) => _index.UpsertMany(patents);

    public void Delete(Guid id) => _index.Delete(id);

    public void DeleteMany(IEnumerable<Guid> ids) => _index.DeleteMany(ids);

    /// <summary>The query terms the demand turns into, with their weights (for tests and the explanation).</summary>
    public IReadOnlyList<QueryTerm> QueryTerms(DemandProfile demand)
    {
        ArgumentNullException.ThrowIfNull(demand);
        return _index.WithSearcher(searcher => _queries.Terms(demand, searcher.IndexReader));
    }

    /// <summary>
    /// The best <paramref name="take"/> valid patents for <paramref name="demand"/>, best first, each explained.
    /// <paramref name="exclude"/> leaves out patents (those the SME dismissed). Empty when the demand has no word
    /// any patent uses.
    /// </summary>
    public IReadOnlyList<PatentRecommendation> Recommend(DemandProfile demand, int take, DateOnly today, IReadOnlySet<Guid>? exclude = null)
    {
        ArgumentNullException.ThrowIfNull(demand);
        ArgumentOutOfRangeException.ThrowIfNegative(take);
        return _index.WithSearcher(searcher =>
        {
            var (terms, coreText) = _queries.Read(demand, searcher.IndexReader);
            if (terms.Count == 0 || take == 0)
            {
                return (IReadOnlyList<PatentRecommendation>)[];
            }

            var depth = Math.Max(take + (exclude?.Count ?? 0), _options.CandidateDepth);
            var lookup = new TermContexts(searcher.IndexReader);
            var top = Search(searcher, lookup, terms, depth);
            if (top.ScoreDocs.Length == 0)
            {
                return [];
            }

            var relevances = CandidateRelevance.Compute(lookup, top.ScoreDocs, terms, PatentMatchSchema.Bigrams, _options);
            var bridged = _synonyms.Read(lookup, coreText, relevances.Keys);
            foreach (var (doc, matches) in bridged)
            {
                relevances[doc] += _options.SynonymWeight * matches.Sum(m => m.Value);
            }

            var ranked = new List<(ScoreDoc Doc, PatentFacts Facts, double Score, IReadOnlyList<MatchFactor> Factors)>(top.ScoreDocs.Length);
            foreach (var scoreDoc in top.ScoreDocs.Where(d => relevances[d.Doc] >= _options.MinRelevance))
            {
                var facts = PatentMatchSchema.FactsOf(searcher.Doc(scoreDoc.Doc, PatentMatchSchema.StoredFacts));
                if (exclude is not null && exclude.Contains(facts.Id))
                {
                    continue;
                }

                var relevance = relevances[scoreDoc.Doc];
                var factors = MatchFit.Factors(demand, facts, _weights, today);
                var score = (_weights.Text * relevance) + factors.Sum(f => f.Contribution);
                ranked.Add((scoreDoc, facts, score, [new MatchFactor(MatchFactorKind.Text, _weights.Text * relevance, ""), .. factors]));
            }

            var chosen = ranked
                .OrderByDescending(r => r.Score)
                .ThenBy(r => r.Facts.Id)
                .Take(take)
                .ToList();
            var matched = MatchedTermReader.Read(lookup, [.. chosen.Select(c => c.Doc.Doc)], terms, PatentMatchSchema.WordFieldBoosts(_options));
            return chosen
                .Select(c => new PatentRecommendation(
                    c.Facts.Id, c.Score, c.Doc.Score, WithSynonyms(matched[c.Doc.Doc], bridged.GetValueOrDefault(c.Doc.Doc), relevances[c.Doc.Doc]), c.Factors))
                .ToList();
        });
    }

    public void Dispose()
    {
        _index.Dispose();
        _words.Dispose();
        _bigrams.Dispose();
    }

    /// <summary>
    /// The matched words of a candidate with its bridged synonyms added: each synonym's share is its part of the
    /// candidate's relevance, and the words' shares shrink to what is left.
    /// </summary>
    private IReadOnlyList<MatchedTerm> WithSynonyms(IReadOnlyList<MatchedTerm> words, IReadOnlyList<SynonymMatch>? synonyms, double relevance)
    {
        if (synonyms is null || synonyms.Count == 0 || relevance <= 0)
        {
            return words;
        }

        var shares = synonyms.Select(m => new MatchedTerm(m.PatentWord, _options.SynonymWeight * m.Value / relevance, m.DemandWord)).ToList();
        var rest = Math.Max(0, 1 - shares.Sum(m => m.Share));
        return [.. words.Select(w => w with { Share = w.Share * rest }).Concat(shares).OrderByDescending(m => m.Share)];
    }

    /// <summary>
    /// The best <paramref name="depth"/> valid patents for the query terms. With <see cref="MatchOptions.FirstPassDepth"/>
    /// set and at least <see cref="MatchOptions.FirstPassMinDocs"/> patents, in two passes: the demand's words on the abstract alone (one short posting walk per word) pick that many
    /// candidates, then the full query — words across title, abstract and claims, and character pairs — scores only
    /// them, skipping through the postings from candidate to candidate. The full query walked every posting of every
    /// clause, and common character pairs have long ones; its best patents are nearly always among the first pass's.
    /// </summary>
    private TopDocs Search(IndexSearcher searcher, TermContexts lookup, IReadOnlyList<QueryTerm> terms, int depth)
    {
        var full = _queries.Query(lookup, terms);
        if (_options.FirstPassDepth <= 0 || searcher.IndexReader.NumDocs < _options.FirstPassMinDocs)
        {
            return searcher.Search(full, ValidOnly, depth);
        }

        var first = searcher.Search(MatchQueryBuilder.FirstPassQuery(lookup, terms), ValidOnly, Math.Max(depth, _options.FirstPassDepth));
        if (first.ScoreDocs.Length == 0)
        {
            return first;
        }

        var candidates = new CandidateFilter([.. first.ScoreDocs.Select(d => d.Doc)]);
        return searcher.Search(new FilteredQuery(full, candidates, FilteredQuery.LEAP_FROG_FILTER_FIRST_STRATEGY), depth);
    }
}
