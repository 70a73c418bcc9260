using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;
using Lucene.Net.Util;
using PatentTransfer.Matching.Search;

namespace PatentTransfer.Matching.Recommend;

/// <summary>A word of the demand found in a recommended patent, and its share of the text score.</summary>
public sealed record MatchedTerm(string Text, double Share);

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
/// are re-ranked with their structured fit (<see cref="MatchFit"/>) and explained. Thread-safe: searches run
/// concurrently; changes are serialised and seen by the next search (see <see cref="LuceneIndex{TItem}"/>).
/// </summary>
public sealed class PatentMatchIndex : IDisposable
{
    private static readonly Filter ValidOnly = new CachingWrapperFilter(new TermFilter(new Term(PatentMatchSchema.Valid, "1")));

    private readonly MatchOptions _options;
    private readonly MatchWeights _weights;
    private readonly LuceneIndex<PatentDocument> _index;
    private readonly MatchQueryBuilder _queries;
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
            var terms = _queries.Terms(demand, searcher.IndexReader);
            if (terms.Count == 0 || take == 0)
            {
                return (IReadOnlyList<PatentRecommendation>)[];
            }

            var depth = Math.Max(take + (exclude?.Count ?? 0), _options.CandidateDepth);
            var top = searcher.Search(_queries.Query(terms), ValidOnly, depth);
            if (top.ScoreDocs.Length == 0)
            {
                return [];
            }

            var best = top.ScoreDocs[0].Score;
            var ranked = new List<(ScoreDoc Doc, PatentFacts Facts, double Score, IReadOnlyList<MatchFactor> Factors)>(top.ScoreDocs.Length);
            foreach (var scoreDoc in top.ScoreDocs)
            {
                var facts = PatentMatchSchema.FactsOf(searcher.Doc(scoreDoc.Doc, PatentMatchSchema.StoredFacts));
                if (exclude is not null && exclude.Contains(facts.Id))
                {
                    continue;
                }

                var relevance = best > 0 ? scoreDoc.Score / best : 0;
                var factors = MatchFit.Factors(demand, facts, _weights, today);
                var score = (_weights.Text * relevance) + factors.Sum(f => f.Contribution);
                ranked.Add((scoreDoc, facts, score, [new MatchFactor(MatchFactorKind.Text, _weights.Text * relevance, ""), .. factors]));
            }

            var chosen = ranked
                .OrderByDescending(r => r.Score)
                .ThenBy(r => r.Facts.Id)
                .Take(take)
                .ToList();
            var matched = MatchedTerms(searcher.IndexReader, [.. chosen.Select(c => c.Doc.Doc)], terms);
            return chosen
                .Select(c => new PatentRecommendation(c.Facts.Id, c.Score, c.Doc.Score, matched[c.Doc.Doc], c.Factors))
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
    /// For each document, the query words it contains and their share of what the words contribute (query weight ×
    /// idf × the weight of the best field they are in). Read from the postings, so it costs a seek per word and
    /// segment rather than a re-analysis of the texts. Character pairs are left out: they back the words up, and a
    /// list of pairs explains nothing to a reader.
    /// </summary>
    private Dictionary<int, IReadOnlyList<MatchedTerm>> MatchedTerms(IndexReader reader, int[] docs, IReadOnlyList<QueryTerm> terms)
    {
        var found = docs.ToDictionary(d => d, _ => new Dictionary<string, double>(StringComparer.Ordinal));
        var boosts = new Dictionary<string, float>(StringComparer.Ordinal)
        {
            [PatentMatchSchema.Title] = _options.TitleBoost,
            [PatentMatchSchema.Abstract] = _options.AbstractBoost,
            [PatentMatchSchema.Claims] = _options.ClaimsBoost,
        };
        var patents = reader.NumDocs;
        foreach (var leaf in reader.Leaves)
        {
            var local = docs.Where(d => d >= leaf.DocBase && d < leaf.DocBase + leaf.Reader.MaxDoc).Order().ToArray();
            if (local.Length == 0)
            {
                continue;
            }

            foreach (var (field, boost) in boosts)
            {
                var fieldTerms = leaf.AtomicReader.GetTerms(field);
                if (fieldTerms is null || boost <= 0)
                {
                    continue;
                }

                var iterator = fieldTerms.GetEnumerator();
                foreach (var term in terms.Where(t => !t.IsBigram))
                {
                    if (!iterator.SeekExact(new BytesRef(term.Text)))
                    {
                        continue;
                    }

                    var postings = iterator.Docs(leaf.AtomicReader.LiveDocs, null, DocsFlags.NONE);
                    var docFreq = reader.DocFreq(new Term(field, term.Text));
                    var value = term.Weight * boost * Math.Log(1 + ((patents - docFreq + 0.5) / (docFreq + 0.5)));
                    foreach (var doc in local)
                    {
                        var target = doc - leaf.DocBase;
                        if (postings.DocID < target && postings.Advance(target) == DocIdSetIterator.NO_MORE_DOCS)
                        {
                            break;
                        }

                        if (postings.DocID == target)
                        {
                            var seen = found[doc];
                            seen[term.Text] = Math.Max(seen.GetValueOrDefault(term.Text), value);
                        }
                    }
                }
            }
        }

        return found.ToDictionary(
            f => f.Key,
            f =>
            {
                var total = f.Value.Values.Sum();
                return (IReadOnlyList<MatchedTerm>)f.Value
                    .OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal)
                    .Select(t => new MatchedTerm(t.Key, total > 0 ? t.Value / total : 0))
                    .ToList();
            });
    }
}
