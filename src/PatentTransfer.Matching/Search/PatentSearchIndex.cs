using System.Globalization;
using System.Runtime.ExceptionServices;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using PatentTransfer.Matching.Text.Analysis;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace PatentTransfer.Matching.Search;

/// <summary>
/// The full-text patent index (Lucene.NET, BM25). Searches run concurrently on point-in-time searchers handed out
/// by a <see cref="SearcherManager"/>; changes are serialised and reopened before they return, so the next
/// search sees them. A rebuild is prepared aside and swapped in whole: searches see the old index until then,
/// and a failed or cancelled rebuild leaves it untouched.
/// </summary>
public sealed class PatentSearchIndex : IDisposable
{
    private const int MinSimilarDocFreqCap = 10;

    private static readonly Similarity Bm25 = new BM25Similarity();

    private readonly PatentSearchOptions _options;
    private readonly Analyzer _analyzer;
    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly PatentQueryBuilder _queries;
    private readonly PatentHighlighter _highlighter;
    private readonly System.Threading.Lock _writeGate = new();
    private bool _disposed;

    public PatentSearchIndex(PatentSearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _analyzer = ChineseAnalyzers.Create(options.Analyzer, options.RemoveStopWords, options.JiebaResourceDirectory);
        _directory = options.IndexDirectory is { Length: > 0 } path ? FSDirectory.Open(path) : new RAMDirectory();
        _writer = new IndexWriter(_directory, WriterConfig(_analyzer, ramBufferMegabytes: 64));
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new Bm25SearcherFactory());
        _queries = new PatentQueryBuilder(_analyzer, options);
        _highlighter = new PatentHighlighter(_analyzer, options.SnippetLength);
    }

    public ChineseAnalyzerKind Analyzer => _options.Analyzer;

    /// <summary>Number of patents in the index.</summary>
    public int Count => WithSearcher(searcher => searcher.IndexReader.NumDocs);

    /// <summary>
    /// Replaces the whole index with <paramref name="patents"/>, analysing on all cores. Ids must be unique. Changes
    /// made with <see cref="Upsert"/> or <see cref="Delete"/> wait until the rebuild is done.
    /// </summary>
    public void Rebuild(IEnumerable<PatentDocument> patents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patents);
        lock (_writeGate)
        {
            ThrowIfDisposed();
            using var staging = new RAMDirectory();
            using (var stagingWriter = new IndexWriter(staging, WriterConfig(_analyzer, _options.RebuildRamBufferMegabytes)))
            {
                var ids = new System.Collections.Concurrent.ConcurrentDictionary<Guid, byte>();
                var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
                try
                {
                    Parallel.ForEach(patents, parallel, patent =>
                    {
                        if (!ids.TryAdd(patent.Id, 0))
                        {
                            throw new ArgumentException($"patent {patent.Id} appears twice in a rebuild", nameof(patents));
                        }

                        stagingWriter.AddDocument(PatentIndexSchema.ToLucene(patent));
                    });
                }
                catch (AggregateException failure) when (failure.InnerExceptions.Count == 1)
                {
                    ExceptionDispatchInfo.Capture(failure.InnerExceptions[0]).Throw();
                }

                stagingWriter.Commit();
            }

            cancellationToken.ThrowIfCancellationRequested();
            _writer.DeleteAll();
            _writer.AddIndexes(staging);
            _writer.Commit();
            _searchers.MaybeRefreshBlocking();
        }
    }

    /// <summary>Adds a patent or replaces the one with its id; the next search sees the change.</summary>
    public void Upsert(PatentDocument patent)
    {
        ArgumentNullException.ThrowIfNull(patent);
        var document = PatentIndexSchema.ToLucene(patent);
        lock (_writeGate)
        {
            ThrowIfDisposed();
            _writer.UpdateDocument(new Term(PatentIndexSchema.Id, PatentIndexSchema.Key(patent.Id)), document);
            _searchers.MaybeRefreshBlocking();
        }
    }

    /// <summary>
    /// Adds or replaces many patents and reopens the searchers once: a bulk import of thousands of patents would
    /// otherwise reopen them thousands of times. The next search sees all of them.
    /// </summary>
    public void UpsertMany(IEnumerable<PatentDocument> patents)
    {
        ArgumentNullException.ThrowIfNull(patents);
        lock (_writeGate)
        {
            ThrowIfDisposed();
            foreach (var patent in patents)
            {
                _writer.UpdateDocument(new Term(PatentIndexSchema.Id, PatentIndexSchema.Key(patent.Id)), PatentIndexSchema.ToLucene(patent));
            }

            _searchers.MaybeRefreshBlocking();
        }
    }

    /// <summary>Removes a patent (no error when it is not there); the next search sees the change.</summary>
    public void Delete(Guid id)
    {
        lock (_writeGate)
        {
            ThrowIfDisposed();
            _writer.DeleteDocuments(new Term(PatentIndexSchema.Id, PatentIndexSchema.Key(id)));
            _searchers.MaybeRefreshBlocking();
        }
    }

    public PatentSearchResult Search(PatentSearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Skip);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Take);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Take, PatentSearchQuery.MaxTake);
        if (query.PriceMin is { } min && query.PriceMax is { } max && min > max)
        {
            throw new ArgumentException("the lowest price is above the highest", nameof(query));
        }

        var words = _queries.Words(query.Text);
        var textQuery = _queries.TextQuery(words);
        var filter = PatentQueryBuilder.Filter(query);
        var sort = PatentQueryBuilder.Sort(query.Sort, words.Count > 0);
        var terms = words.SelectMany(forms => forms).ToHashSet(StringComparer.Ordinal);
        return WithSearcher(searcher =>
        {
            // Never more than the index holds, so that a far-off page neither overflows nor allocates for nothing.
            var wanted = (int)Math.Clamp((long)query.Skip + query.Take, 1, Math.Max(1, searcher.IndexReader.MaxDoc));
            var top = searcher.Search(textQuery, filter, wanted, sort, doDocScores: true, doMaxScore: false);
            var hits = top.ScoreDocs.Skip(query.Skip).Take(query.Take)
                .Select(scoreDoc => ToHit(searcher, scoreDoc, terms))
                .ToList();
            return new PatentSearchResult(top.TotalHits, hits);
        });
    }

    /// <summary>
    /// Patents whose title, abstract and claims share the most distinctive words with this one (MoreLikeThis),
    /// best first, never the patent itself. Empty when the id is not in the index.
    /// </summary>
    public IReadOnlyList<PatentHit> FindSimilar(Guid id, int take)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(take);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(take, PatentSearchQuery.MaxTake);
        var key = PatentIndexSchema.Key(id);
        return WithSearcher(searcher =>
        {
            var own = searcher.Search(new TermQuery(new Term(PatentIndexSchema.Id, key)), 1);
            if (own.TotalHits == 0 || take == 0)
            {
                return (IReadOnlyList<PatentHit>)[];
            }

            var similar = new MoreLikeThis(searcher.IndexReader)
            {
                Analyzer = _analyzer,
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
                { new TermQuery(new Term(PatentIndexSchema.Id, key)), Occur.MUST_NOT },
            };
            var top = searcher.Search(query, take);
            var empty = new HashSet<string>(StringComparer.Ordinal);
            return top.ScoreDocs.Select(scoreDoc => ToHit(searcher, scoreDoc, empty)).ToList();
        });
    }

    public void Dispose()
    {
        lock (_writeGate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _searchers.Dispose();
            _writer.Dispose();
            _directory.Dispose();
            _analyzer.Dispose();
        }
    }

    private PatentHit ToHit(IndexSearcher searcher, ScoreDoc scoreDoc, IReadOnlySet<string> terms)
    {
        var stored = searcher.Doc(scoreDoc.Doc, PatentIndexSchema.StoredFieldsForHits);
        var title = stored.Get(PatentIndexSchema.Title, CultureInfo.InvariantCulture) ?? "";
        var abstractText = stored.Get(PatentIndexSchema.Abstract, CultureInfo.InvariantCulture) ?? "";
        var claims = stored.Get(PatentIndexSchema.Claims, CultureInfo.InvariantCulture);
        return new PatentHit(
            Guid.ParseExact(stored.Get(PatentIndexSchema.Id, CultureInfo.InvariantCulture), "N"),
            float.IsNaN(scoreDoc.Score) ? 0f : scoreDoc.Score,
            _highlighter.Whole(PatentIndexSchema.Title, title, terms),
            _highlighter.Snippet(abstractText, claims, terms));
    }

    private T WithSearcher<T>(Func<IndexSearcher, T> action)
    {
        ThrowIfDisposed();
        var searcher = _searchers.Acquire();
        try
        {
            return action(searcher);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    private static IndexWriterConfig WriterConfig(Analyzer analyzer, double ramBufferMegabytes) =>
        new(ChineseAnalyzers.Version, analyzer)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            Similarity = Bm25,
            RAMBufferSizeMB = ramBufferMegabytes,
        };

    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = Bm25 };
    }
}
