using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using PatentTransfer.Matching.Search;
using PatentTransfer.Matching.Text.Analysis;

namespace PatentTransfer.Matching.Recommend;

/// <summary>
/// The plain peer the matching engine is measured against (shared/eval/README.md), written as plainly as possible:
/// one field of title + abstract + claims, SmartChineseAnalyzer as shipped, BM25, the demand's title and content as
/// an OR of its distinct terms. Built once, searched many times; not for the portal.
/// </summary>
public sealed class BaselinePatentIndex : IDisposable
{
    private const string Body = "text";
    private const string IdField = "id";
    private readonly RAMDirectory _directory = new();
    private readonly Analyzer _analyzer;
    private DirectoryReader? _reader;
    private IndexSearcher? _searcher;

    /// <param name="analyzer">SmartCn exactly as the published baseline used it; jieba with only punctuation removed,
    /// like SmartCn's default stop set, so that the two differ in segmentation alone.</param>
    public BaselinePatentIndex(ChineseAnalyzerKind analyzer = ChineseAnalyzerKind.SmartCn)
    {
        _analyzer = analyzer == ChineseAnalyzerKind.SmartCn
            ? new SmartChineseAnalyzer(ChineseAnalyzers.Version)
            : ChineseAnalyzers.Create(ChineseAnalyzerKind.Jieba, removeStopWords: false);
    }

    public void Build(IEnumerable<PatentDocument> patents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patents);
        var config = new IndexWriterConfig(ChineseAnalyzers.Version, _analyzer) { Similarity = new BM25Similarity(), RAMBufferSizeMB = 256 };
        using (var writer = new IndexWriter(_directory, config))
        {
            foreach (var patent in patents)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var text = string.Join("\n", new[] { patent.Title, patent.Abstract, patent.Claims }.Where(t => !string.IsNullOrEmpty(t)));
                writer.AddDocument(new Document
                {
                    new StringField(IdField, patent.Id.ToString("N", CultureInfo.InvariantCulture), Field.Store.YES),
                    new TextField(Body, text, Field.Store.NO),
                });
            }

            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
    }

    /// <summary>The best <paramref name="take"/> patents for a demand's title and content, best first.</summary>
    public IReadOnlyList<(Guid Id, float Score)> Search(string text, int take)
    {
        var searcher = _searcher ?? throw new InvalidOperationException("build the index first");
        var query = new BooleanQuery();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        using (var stream = _analyzer.GetTokenStream(Body, text))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                if (seen.Add(term.ToString()))
                {
                    query.Add(new TermQuery(new Term(Body, term.ToString())), Occur.SHOULD);
                }
            }

            stream.End();
        }

        return searcher.Search(query, take).ScoreDocs
            .Select(d => (Guid.ParseExact(searcher.Doc(d.Doc).Get(IdField, CultureInfo.InvariantCulture), "N"), d.Score))
            .ToList();
    }

    public void Dispose()
    {
        _reader?.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }
}
