using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using PatentTransfer.Matching.Text.Analysis;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace PatentTransfer.Matching.Search;

/// <summary>
/// What the patent and demand indexes share beneath their own fields: a Lucene index (BM25) of items keyed by a
/// Guid. Searches run concurrently on point-in-time searchers handed out by a <see cref="SearcherManager"/>;
/// changes are serialised and reopened before they return, so the next search sees them. A rebuild is prepared
/// aside and swapped in whole: searches see the old index until then, and a failed or cancelled rebuild leaves it
/// untouched. The index owns (and disposes) the analyzer it is given.
/// </summary>
/// <typeparam name="TItem">The record fed to the index; the constructor's <c>fieldsOf</c> turns it into Lucene
/// fields other than the id, which this class adds itself so that every index keys and tie-breaks the same way.</typeparam>
internal sealed class LuceneIndex<TItem> : IDisposable
{
    private const double WriterRamBufferMegabytes = 64;

    private static readonly Similarity Bm25 = new BM25Similarity();

    private readonly Analyzer _analyzer;
    private readonly double _rebuildRamBufferMegabytes;
    private readonly string _itemName;
    private readonly Func<TItem, Guid> _idOf;
    private readonly Func<TItem, Document> _fieldsOf;
    private const int SingleSegmentLimit = 50_000;

    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly System.Threading.Lock _writeGate = new();
    private bool _disposed;

    /// <param name="indexDirectory">Folder of an on-disk index; null keeps the index in memory.</param>
    /// <param name="itemName">What an item is called in error messages ("patent", "demand").</param>
    /// <param name="fieldsOf">The item's fields, without the id.</param>
    public LuceneIndex(
        Analyzer analyzer,
        string? indexDirectory,
        double rebuildRamBufferMegabytes,
        string itemName,
        Func<TItem, Guid> idOf,
        Func<TItem, Document> fieldsOf)
    {
        _analyzer = analyzer;
        _rebuildRamBufferMegabytes = rebuildRamBufferMegabytes;
        _itemName = itemName;
        _idOf = idOf;
        _fieldsOf = fieldsOf;
        _directory = indexDirectory is { Length: > 0 } path ? FSDirectory.Open(path) : new RAMDirectory();
        _writer = new IndexWriter(_directory, WriterConfig(WriterRamBufferMegabytes));
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new Bm25SearcherFactory());
    }

    public Analyzer Analyzer => _analyzer;

    /// <summary>Number of items in the index.</summary>
    public int Count => WithSearcher(searcher => searcher.IndexReader.NumDocs);

    /// <summary>Replaces the whole index with <paramref name="items"/>, analysing on all cores. Ids must be unique.</summary>
    public void Rebuild(
        IEnumerable<TItem> items,
        CancellationToken cancellationToken,
        [CallerArgumentExpression(nameof(items))] string parameterName = "")
    {
        ArgumentNullException.ThrowIfNull(items, parameterName);
        lock (_writeGate)
        {
            ThrowIfDisposed();
            using var staging = new RAMDirectory();
            using (var stagingWriter = new IndexWriter(staging, WriterConfig(_rebuildRamBufferMegabytes)))
            {
                var ids = new ConcurrentDictionary<Guid, byte>();
                var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
                try
                {
                    Parallel.ForEach(items, parallel, item =>
                    {
                        var document = ToLucene(item, parameterName);
                        if (!ids.TryAdd(_idOf(item), 0))
                        {
                            throw new ArgumentException($"{_itemName} {_idOf(item)} appears twice in a rebuild", parameterName);
                        }

                        stagingWriter.AddDocument(document);
                    });
                }
                catch (AggregateException failure) when (failure.InnerExceptions.Count == 1)
                {
                    ExceptionDispatchInfo.Capture(failure.InnerExceptions[0]).Throw();
                }

                // One segment for a rebuilt index of modest size: every per-term lookup of a query (document frequencies,
                // postings of the candidates, the explanation) is made once per segment, and the parallel build leaves
                // one or more per thread. Larger indexes keep their segments: merging them costs more build time
                // than it saves.
                if (ids.Count <= SingleSegmentLimit)
                {
                    stagingWriter.ForceMerge(1);
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

    /// <summary>Adds an item or replaces the one with its id; the next search sees the change.</summary>
    public void Upsert(TItem item, [CallerArgumentExpression(nameof(item))] string parameterName = "")
    {
        ArgumentNullException.ThrowIfNull(item, parameterName);
        var document = ToLucene(item, parameterName);
        lock (_writeGate)
        {
            ThrowIfDisposed();
            _writer.UpdateDocument(IndexKeys.Term(_idOf(item)), document);
            _searchers.MaybeRefreshBlocking();
        }
    }

    /// <summary>
    /// Adds or replaces many items and reopens the searchers once: a bulk import of thousands of items would
    /// otherwise reopen them thousands of times. The next search sees all of them. Every item is checked before the
    /// first is written, so that a faulty one leaves the index as it was rather than half-updated (the written ones
    /// would otherwise appear with whatever change reopens the searchers next).
    /// </summary>
    public void UpsertMany(IEnumerable<TItem> items, [CallerArgumentExpression(nameof(items))] string parameterName = "")
    {
        ArgumentNullException.ThrowIfNull(items, parameterName);
        var documents = items.Select(item => (Id: IndexKeys.Term(_idOf(item)), Document: ToLucene(item, parameterName))).ToList();
        lock (_writeGate)
        {
            ThrowIfDisposed();
            foreach (var (id, document) in documents)
            {
                _writer.UpdateDocument(id, document);
            }

            _searchers.MaybeRefreshBlocking();
        }
    }

    /// <summary>Removes an item (no error when it is not there); the next search sees the change.</summary>
    public void Delete(Guid id)
    {
        lock (_writeGate)
        {
            ThrowIfDisposed();
            _writer.DeleteDocuments(IndexKeys.Term(id));
            _searchers.MaybeRefreshBlocking();
        }
    }

    /// <summary>Removes many items (unknown ids are ignored) and reopens the searchers once.</summary>
    public void DeleteMany(IEnumerable<Guid> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var terms = ids.Distinct().Select(IndexKeys.Term).ToArray();
        if (terms.Length == 0)
        {
            return;
        }

        lock (_writeGate)
        {
            ThrowIfDisposed();
            _writer.DeleteDocuments(terms);
            _searchers.MaybeRefreshBlocking();
        }
    }

    /// <summary>
    /// One page of a search: the matches from <paramref name="skip"/> on, at most <paramref name="take"/>, and the
    /// total, all read from the same point-in-time view.
    /// </summary>
    public (int Total, List<THit> Hits) Page<THit>(
        Query query,
        Filter? filter,
        Sort sort,
        long skip,
        int take,
        Func<IndexSearcher, ScoreDoc, THit> toHit) =>
        WithSearcher(searcher =>
        {
            // Never more than the index holds, so that a far-off page neither overflows nor allocates for nothing.
            var wanted = (int)Math.Clamp(skip + take, 1, Math.Max(1, searcher.IndexReader.MaxDoc));
            var top = searcher.Search(query, filter, wanted, sort, doDocScores: true, doMaxScore: false);
            var hits = skip >= top.ScoreDocs.Length
                ? []
                : top.ScoreDocs.Skip((int)skip).Take(take).Select(scoreDoc => toHit(searcher, scoreDoc)).ToList();
            return (top.TotalHits, hits);
        });

    public T WithSearcher<T>(Func<IndexSearcher, T> action)
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

    /// <summary>For the owners' own work before they reach the index, such as analysing a query with the analyzer.</summary>
    public void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    private Document ToLucene(TItem item, string parameterName)
    {
        var id = _idOf(item);
        if (id == Guid.Empty)
        {
            throw new ArgumentException($"a {_itemName} needs an id", parameterName);
        }

        var document = _fieldsOf(item);
        document.Add(new StringField(IndexKeys.Id, IndexKeys.Key(id), Field.Store.YES));
        document.Add(new SortedDocValuesField(IndexKeys.IdSort, new BytesRef(IndexKeys.Key(id))));
        return document;
    }

    private IndexWriterConfig WriterConfig(double ramBufferMegabytes) =>
        new(ChineseAnalyzers.Version, _analyzer)
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

/// <summary>
/// How every index stores an item's id: as an exact term (to replace and delete by) and as a sorted value that
/// ends every sort order, so that equal scores, dates and prices come out in the same order from every searcher.
/// Without it ties fall to Lucene's document numbers, which merges and rebuilds renumber, and a page could repeat
/// or skip an item of the page before.
/// </summary>
internal static class IndexKeys
{
    public const string Id = "id";
    public const string IdSort = "id_sort";

    public static SortField TieBreak { get; } = new(IdSort, SortFieldType.STRING);

    public static string Key(Guid id) => id.ToString("N", CultureInfo.InvariantCulture);

    public static Term Term(Guid id) => new(Id, Key(id));

    public static Guid IdOf(Document stored) => Guid.ParseExact(stored.Get(Id, CultureInfo.InvariantCulture), "N");
}
