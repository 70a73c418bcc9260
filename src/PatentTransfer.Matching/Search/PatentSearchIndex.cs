using System.Globalization;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;
using PatentTransfer.Matching.Text.Analysis;

namespace PatentTransfer.Matching.Search;

/// <summary>
/// The full-text patent index (Lucene.NET, BM25). Searches run concurrently on point-in-time searchers; changes are
/// serialised and seen by the next search; a rebuild is swapped in whole (see <see cref="LuceneIndex{TItem}"/>).
/// </summary>
public sealed class PatentSearchIndex : IDisposable
{
    private const int MinSimilarDocFreqCap = 10;

    private readonly PatentSearchOptions _options;
    private readonly LuceneIndex<PatentDocument> _index;
    private readonly FullTextQuery _text;
    private readonly SearchHighlighter _highlighter;

    public PatentSearchIndex(PatentSearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        var analyzer = options.CreateAnalyzer();
        _index = new LuceneIndex<PatentDocument>(
            analyzer, options.IndexDirectory, options.RebuildRamBufferMegabytes, "patent", patent => patent.Id, PatentIndexSchema.ToLucene);
        _text = PatentQueryBuilder.FullText(analyzer, options);
        _highlighter = new SearchHighlighter(analyzer, options.SnippetLength);
    }

    public ChineseAnalyzerKind Analyzer => _options.Analyzer;

    /// <summary>Number of patents in the index.</summary>
    public int Count => _index.Count;

    /// <summary>
    /// Replaces the whole index with <paramref name="patents"/>, analysing on all cores. Ids must be unique. Changes
    /// made with <see cref="Upsert"/> or <see cref="Delete"/> wait until the rebuild is done.
    /// </summary>
    public void Rebuild(IEnumerable<PatentDocument> patents, CancellationToken cancellationToken = default) =>
        _index.Rebuild(patents, cancellationToken);

    /// <summary>Adds a patent or replaces the one with its id; the next search sees the change.</summary>
    public void Upsert(PatentDocument patent) => _index.Upsert(patent);

    /// <summary>
    /// Adds or replaces many patents and reopens the searchers once: a bulk import of thousands of patents would
    /// otherwise reopen them thousands of times. The next search sees all of them.
    /// </summary>
    public void UpsertMany(IEnumerable<PatentDocument> patents) => _index.UpsertMany(patents);

    /// <summary>Removes a patent (no error when it is not there); the next search sees the change.</summary>
    public void Delete(Guid id) => _index.Delete(id);

    public PatentSearchResult Search(PatentSearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        _index.ThrowIfDisposed();
        ArgumentOutOfRangeException.ThrowIfNegative(query.Skip);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Take);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Take, PatentSearchQuery.MaxTake);
        if (query.PriceMin is { } min && query.PriceMax is { } max && min > max)
        {
            throw new ArgumentException("the lowest price is above the highest", nameof(query));
        }

        var words = _text.Words(query.Text);
        var terms = FullTextQuery.Terms(words);
        var (total, hits) = _index.Page(
            _text.Query(words),
            PatentQueryBuilder.Filter(query),
            PatentQueryBuilder.Sort(query.Sort, words.Count > 0),
            query.Skip,
            query.Take,
            (searcher, scoreDoc) => ToHit(searcher, scoreDoc, terms));
        return new PatentSearchResult(total, hits);
    }

    /// <summary>
    /// Patents whose title, abstract and claims share the most distinctive words with this one (MoreLikeThis),
    /// best first, never the patent itself. Empty when the id is not in the index.
    /// </summary>
    public IReadOnlyList<PatentHit> FindSimilar(Guid id, int take)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(take);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(take, PatentSearchQuery.MaxTake);
        return _index.WithSearcher(searcher =>
        {
            var own = searcher.Search(new TermQuery(IndexKeys.Term(id)), 1);
            if (own.TotalHits == 0 || take == 0)
            {
                return (IReadOnlyList<PatentHit>)[];
            }

            var similar = new MoreLikeThis(searcher.IndexReader)
            {
                Analyzer = _index.Analyzer,
                FieldNames = [PatentIndexSchema.Title, PatentIndexSchema.Abstract, PatentIndexSchema.Claims],
                // Patent texts are short: a word used once is already a signal. Words in under two patents say
                // nothing about similarity, and words in a fifth of all patents (方法, 装置) hardly more. That cap
                // is only applied above a few dozen patents: in a small index a fifth is one or two patents, which
                // with the floor of two would leave no word at all.
                MinTermFreq = 1,
                MinDocFreq = 2,
                MaxDocFreq = Math.Max(searcher.IndexReader.NumDocs / 5, MinSimilarDocFreqCap),
                MaxQueryTerms = 30,
                ApplyBoost = true,
            };
            var query = new BooleanQuery
            {
                { similar.Like(own.ScoreDocs[0].Doc), Occur.SHOULD },
                { new TermQuery(IndexKeys.Term(id)), Occur.MUST_NOT },
            };
            var top = searcher.Search(query, take);
            var empty = new HashSet<string>(StringComparer.Ordinal);
            return top.ScoreDocs.Select(scoreDoc => ToHit(searcher, scoreDoc, empty)).ToList();
        });
    }

    public void Dispose() => _index.Dispose();

    private PatentHit ToHit(IndexSearcher searcher, ScoreDoc scoreDoc, IReadOnlySet<string> terms)
    {
        var stored = searcher.Doc(scoreDoc.Doc, PatentIndexSchema.StoredFieldsForHits);
        var title = stored.Get(PatentIndexSchema.Title, CultureInfo.InvariantCulture) ?? "";
        var abstractText = stored.Get(PatentIndexSchema.Abstract, CultureInfo.InvariantCulture) ?? "";
        var claims = stored.Get(PatentIndexSchema.Claims, CultureInfo.InvariantCulture);
        return new PatentHit(
            IndexKeys.IdOf(stored),
            float.IsNaN(scoreDoc.Score) ? 0f : scoreDoc.Score,
            _highlighter.Whole(PatentIndexSchema.Title, title, terms),
            _highlighter.Snippet([new(PatentIndexSchema.Abstract, abstractText), new(PatentIndexSchema.Claims, claims)], terms));
    }
}
