using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace PatentTransfer.Matching.Recommend;

/// <summary>
/// A fixed set of documents (top-level document numbers of one searcher) as a filter, for scoring a full query on
/// the candidates of a cheaper first pass only. Used with <see cref="FilteredQuery.LEAP_FROG_FILTER_FIRST_STRATEGY"/>,
/// the filter drives: each clause of the query skips straight to the next candidate through its postings' skip lists
/// instead of walking every posting of a common term.
/// </summary>
internal sealed class CandidateFilter(IReadOnlyCollection<int> docs) : Filter
{
    private readonly int[] _docs = [.. docs.Order()];

    public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits? acceptDocs)
    {
        var maxDoc = context.AtomicReader.MaxDoc;
        var start = Array.BinarySearch(_docs, context.DocBase);
        start = start < 0 ? ~start : start;
        if (start >= _docs.Length || _docs[start] >= context.DocBase + maxDoc)
        {
            return null;
        }

        var bits = new FixedBitSet(maxDoc);
        for (var i = start; i < _docs.Length && _docs[i] < context.DocBase + maxDoc; i++)
        {
            var local = _docs[i] - context.DocBase;
            if (acceptDocs is null || acceptDocs.Get(local))
            {
                bits.Set(local);
            }
        }

        return bits;
    }
}
