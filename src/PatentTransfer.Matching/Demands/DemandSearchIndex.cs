using System.Globalization;
using Lucene.Net.Search;
using PatentTransfer.Matching.Search;
using PatentTransfer.Matching.Text.Analysis;

namespace PatentTransfer.Matching.Demands;

/// <summary>
/// The full-text index of published SME technology demands, for the demand hall. It is built like
/// <see cref="PatentSearchIndex"/> and shares its analysis — the segmenter and stop words chosen in
/// <see cref="PatentSearchOptions"/>, the same folding and the same HTML-safe highlighting — so that a word means
/// the same term in both indexes. Searches run concurrently on point-in-time searchers; changes are serialised and
/// seen by the next search; a rebuild is swapped in whole (see <see cref="LuceneIndex{TItem}"/>).
/// </summary>
public sealed class DemandSearchIndex : IDisposable
{
    private readonly LuceneIndex<DemandDocument> _index;
    private readonly FullTextQuery _text;
    private readonly SearchHighlighter _highlighter;

    /// <param name="options">The demand index's own settings.</param>
    /// <param name="analysis">The patent search settings, of which only the analysis is used (segmenter, stop words,
    /// jieba's folder); pass the portal's "PatentSearch" options.</param>
    public DemandSearchIndex(DemandSearchOptions options, PatentSearchOptions analysis)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(analysis);
        if (options.IndexDirectory is { Length: > 0 } own
            && analysis.IndexDirectory is { Length: > 0 } patents
            && string.Equals(FullPath(own), FullPath(patents), StringComparison.Ordinal))
        {
            // Both writers would lock the same folder, and a rebuild of either would wipe the other's documents.
            throw new ArgumentException($"the demand index needs a folder of its own, not the patent index's '{patents}'", nameof(options));
        }

        Analyzer = analysis.Analyzer;
        var analyzer = analysis.CreateAnalyzer();
        _index = new LuceneIndex<DemandDocument>(
            analyzer, options.IndexDirectory, options.RebuildRamBufferMegabytes, "demand", demand => demand.Id, DemandIndexSchema.ToLucene);
        _text = DemandQueryBuilder.FullText(analyzer, options);
        _highlighter = new SearchHighlighter(analyzer, options.SnippetLength);
    }

    public ChineseAnalyzerKind Analyzer { get; }

    /// <summary>Number of demands in the index.</summary>
    public int Count => _index.Count;

    /// <summary>
    /// Replaces the whole index with <paramref name="demands"/>, analysing on all cores. Ids must be unique. Changes
    /// made with <see cref="Upsert"/> or <see cref="Delete"/> wait until the rebuild is done.
    /// </summary>
    public void Rebuild(IEnumerable<DemandDocument> demands, CancellationToken cancellationToken = default) =>
        _index.Rebuild(demands, cancellationToken);

    /// <summary>Adds a demand or replaces the one with its id; the next search sees the change.</summary>
    public void Upsert(DemandDocument demand) => _index.Upsert(demand);

    /// <summary>Adds or replaces many demands and reopens the searchers once; the next search sees all of them.</summary>
    public void UpsertMany(IEnumerable<DemandDocument> demands) => _index.UpsertMany(demands);

    /// <summary>Removes a demand (no error when it is not there), e.g. when it is withdrawn or closed.</summary>
    public void Delete(Guid id) => _index.Delete(id);

    /// <summary>Removes many demands at once (unknown ids are ignored); the next search sees all of it.</summary>
    public void DeleteMany(IEnumerable<Guid> ids) => _index.DeleteMany(ids);

    public DemandSearchResult Search(DemandSearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(query.VisibleConfidentiality, nameof(query));
        _index.ThrowIfDisposed();
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Page, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(query.PageSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.PageSize, DemandSearchQuery.MaxPageSize);
        if (query.Budget is { Min: { } min, Max: { } max } && min > max)
        {
            throw new ArgumentException("the lowest budget is above the highest", nameof(query));
        }

        var visible = SearchFilters.Values(query.VisibleConfidentiality);
        if (visible.Count == 0)
        {
            // A viewer who may see no level sees nothing; an empty choice must not fall through to "no filter".
            return new DemandSearchResult(0, []);
        }

        var words = _text.Words(query.Text);
        var terms = FullTextQuery.Terms(words);
        var (total, hits) = _index.Page(
            _text.Query(words),
            DemandQueryBuilder.Filter(query, visible),
            DemandQueryBuilder.Sort(query.Sort, words.Count > 0),
            (query.Page - 1L) * query.PageSize,
            query.PageSize,
            (searcher, scoreDoc) => ToHit(searcher, scoreDoc, terms));
        return new DemandSearchResult(total, hits);
    }

    public void Dispose() => _index.Dispose();

    private static string FullPath(string folder) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));

    private DemandHit ToHit(IndexSearcher searcher, ScoreDoc scoreDoc, IReadOnlySet<string> terms)
    {
        var stored = searcher.Doc(scoreDoc.Doc, DemandIndexSchema.StoredFieldsForHits);
        string? Text(string field) => stored.Get(field, CultureInfo.InvariantCulture);

        // The snippet prefers the problem, then the targets (the figures a holder checks first), the product, and
        // last the company's own basis.
        return new DemandHit(
            IndexKeys.IdOf(stored),
            float.IsNaN(scoreDoc.Score) ? 0f : scoreDoc.Score,
            _highlighter.Whole(DemandIndexSchema.Title, Text(DemandIndexSchema.Title) ?? "", terms),
            _highlighter.Snippet(
                [
                    new(DemandIndexSchema.Problem, Text(DemandIndexSchema.Problem)),
                    new(DemandIndexSchema.Targets, Text(DemandIndexSchema.Targets)),
                    new(DemandIndexSchema.Product, Text(DemandIndexSchema.Product)),
                    new(DemandIndexSchema.Basis, Text(DemandIndexSchema.Basis)),
                ],
                terms));
    }
}
