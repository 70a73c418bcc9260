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
        _synonyms = new SynonymBridge(_words, options);

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
            var top = Search(searcher, terms, depth);
            if (top.ScoreDocs.Length == 0)
            {
                return [];
            }

            var relevances = Relevance(searcher.IndexReader, top.ScoreDocs, terms);
            // Synonyms are looked for in titles and abstracts: most patents have no claims, and claims restate the abstract.
            var bridged = _synonyms.Read(
                searcher.IndexReader, coreText, relevances.Keys, [PatentMatchSchema.Title, PatentMatchSchema.Abstract], PatentMatchSchema.Bigrams);
            foreach (var (doc, matches) in bridged)
            {
                relevances[doc] += _options.SynonymWeight * matches.Sum(m => m.Value);
            }

            var ranked = new List<(ScoreDoc Doc, PatentFacts Facts, double Score, IReadOnlyList<MatchFactor> Factors)>(top.ScoreDocs.Length);
            foreach (var scoreDoc in top.ScoreDocs)
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
            var matched = MatchedTermReader.Read(searcher.IndexReader, [.. chosen.Select(c => c.Doc.Doc)], terms, PatentMatchSchema.WordFieldBoosts(_options));
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
    private TopDocs Search(IndexSearcher searcher, IReadOnlyList<QueryTerm> terms, int depth)
    {
        var full = _queries.Query(terms);
        if (_options.FirstPassDepth <= 0 || searcher.IndexReader.NumDocs < _options.FirstPassMinDocs)
        {
            return searcher.Search(full, ValidOnly, depth);
        }

        var first = searcher.Search(MatchQueryBuilder.FirstPassQuery(terms), ValidOnly, Math.Max(depth, _options.FirstPassDepth));
        if (first.ScoreDocs.Length == 0)
        {
            return first;
        }

        var candidates = new CandidateFilter([.. first.ScoreDocs.Select(d => d.Doc)]);
        return searcher.Search(new FilteredQuery(full, candidates, FilteredQuery.LEAP_FROG_FILTER_FIRST_STRATEGY), depth);
    }

    /// <summary>
    /// The text relevance of each candidate, 1 for the best: its BM25 score relative to the best candidate's plus
    /// <see cref="MatchOptions.PairCoverageWeight"/> × the share of the demand's character pairs (query weight ×
    /// rarity) it contains, plus <see cref="MatchOptions.ProximityWeight"/> × the share found together in its best
    /// passage (<see cref="BestWindow"/>), normalised again. BM25 rewards a few rare terms repeated; the coverage a
    /// patent about the whole demand, also where the segmenter cut a word differently; the passage one that speaks of
    /// the demand's things together. A postings seek per pair and segment, positions read for the candidates only.
    /// </summary>
    private Dictionary<int, double> Relevance(IndexReader reader, ScoreDoc[] candidates, IReadOnlyList<QueryTerm> terms)
    {
        var best = candidates[0].Score;
        var relevance = candidates.ToDictionary(d => d.Doc, d => best > 0 ? (double)d.Score / best : 0);
        if (_options.PairCoverageWeight <= 0)
        {
            return relevance;
        }

        var pairs = terms.Where(t => t.IsBigram).ToList();
        var docFreqs = MatchQueries.DocFreqs(reader, PatentMatchSchema.Bigrams, pairs.Select(p => p.Text));
        var weighted = pairs.Select(t => (t.Text, Value: t.Weight * MatchQueries.Idf(reader.NumDocs, docFreqs[t.Text]))).ToList();
        var total = weighted.Sum(p => p.Value);
        if (total <= 0)
        {
            return relevance;
        }

        var docs = candidates.Select(d => d.Doc).Order().ToArray();
        var pairIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (text, _) in weighted)
        {
            pairIndex.TryAdd(text, pairIndex.Count);
        }

        var hits = _options.ProximityWeight > 0 ? new Dictionary<int, List<(int Position, int Pair)>>() : null;
        foreach (var leaf in reader.Leaves)
        {
            var local = docs.Where(d => d >= leaf.DocBase && d < leaf.DocBase + leaf.Reader.MaxDoc).ToArray();
            if (local.Length == 0 || leaf.AtomicReader.GetTerms(PatentMatchSchema.Bigrams) is not { } fieldTerms)
            {
                continue;
            }

            var iterator = fieldTerms.GetEnumerator();
            foreach (var (text, value) in weighted)
            {
                if (!iterator.SeekExact(new BytesRef(text)))
                {
                    continue;
                }

                var postings = iterator.DocsAndPositions(leaf.AtomicReader.LiveDocs, null, DocsAndPositionsFlags.NONE);
                var pair = pairIndex[text];
                foreach (var doc in local)
                {
                    var target = doc - leaf.DocBase;
                    if (postings.DocID < target && postings.Advance(target) == DocIdSetIterator.NO_MORE_DOCS)
                    {
                        break;
                    }

                    if (postings.DocID == target)
                    {
                        relevance[doc] += _options.PairCoverageWeight * value / total;
                        if (hits is not null)
                        {
                            var list = hits.TryGetValue(doc, out var known) ? known : hits[doc] = [];
                            for (var i = 0; i < postings.Freq; i++)
                            {
                                list.Add((postings.NextPosition(), pair));
                            }
                        }
                    }
                }
            }
        }

        if (hits is not null)
        {
            var values = weighted.Select(w => w.Value).ToArray();
            foreach (var (doc, list) in hits)
            {
                relevance[doc] += _options.ProximityWeight * BestWindow(list, values, _options.ProximityWindow) / total;
            }
        }

        var top = relevance.Values.Max();
        return top > 0 ? relevance.ToDictionary(r => r.Key, r => r.Value / top) : relevance;
    }

    /// <summary>
    /// The most demand a stretch of <paramref name="window"/> characters of the patent holds: the summed value of the
    /// distinct pairs found in it. A patent that says the demand's things together, in one passage, is about them; one
    /// that has them scattered over its claims mostly is not.
    /// </summary>
    private static double BestWindow(List<(int Position, int Pair)> hits, double[] values, int window)
    {
        hits.Sort((a, b) => a.Position.CompareTo(b.Position));
        var counts = new int[values.Length];
        double current = 0, best = 0;
        var start = 0;
        foreach (var (position, pair) in hits)
        {
            if (counts[pair]++ == 0)
            {
                current += values[pair];
            }

            while (hits[start].Position <= position - window)
            {
                if (--counts[hits[start].Pair] == 0)
                {
                    current -= values[hits[start].Pair];
                }

                start++;
            }

            best = Math.Max(best, current);
        }

        return best;
    }
}
