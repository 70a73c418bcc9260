using Lucene.Net.Index;
using Lucene.Net.Util;

namespace PatentTransfer.Matching.Recommend;

/// <summary>
/// The term contexts of one query against one point-in-time reader — each term's document frequency and, per segment,
/// where its postings start — looked up once per term and field. A query's chosen terms are met several times: in the
/// Lucene query (which would look each up itself), in the candidates' coverage and best passage, in the synonym
/// bridge and in the explanation; each look-up is a walk down a segment's term dictionary. Not kept across queries:
/// tried, a cache per reader made the median faster but the 95th percentile slower (every entry outlives the
/// young-generation collections, which then copy it).
/// </summary>
internal sealed class TermContexts(IndexReader reader)
{
    private readonly Dictionary<(string Field, string Text), TermContext> _known = [];

    public IndexReader Reader => reader;

    /// <summary>
    /// The context of each of <paramref name="texts"/> in <paramref name="field"/> (a term no segment holds has
    /// document frequency 0 and no state), with one term enumerator per segment for those not yet looked up.
    /// </summary>
    public Dictionary<string, TermContext> Of(string field, IEnumerable<string> texts)
    {
        var contexts = new Dictionary<string, TermContext>(StringComparer.Ordinal);
        var missing = new Dictionary<string, TermContext>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            if (contexts.ContainsKey(text) || missing.ContainsKey(text))
            {
                continue;
            }

            if (_known.TryGetValue((field, text), out var context))
            {
                contexts[text] = context;
            }
            else
            {
                missing[text] = new TermContext(reader.Context);
            }
        }

        if (missing.Count == 0)
        {
            return contexts;
        }

        MatchQueries.SeekEach(
            reader,
            field,
            missing.Keys,
            (text, leaf, iterator) => missing[text].Register(iterator.GetTermState(), leaf.Ord, iterator.DocFreq, iterator.TotalTermFreq));
        foreach (var (text, context) in missing)
        {
            contexts[text] = context;
            _known[(field, text)] = context;
        }

        return contexts;
    }

    /// <summary>
    /// The postings of a term in one segment (<paramref name="iterator"/>: an enumerator of the segment's terms of
    /// the term's field), positioned before its first document, or null when the segment does not hold it: reached
    /// from the term's state without searching the term dictionary again. <paramref name="reuse"/>, the postings of a
    /// term of the same segment read to the end, is reset to this term rather than another allocated (each holds
    /// decoding buffers of a few kilobytes, and a query reads a few hundred).
    /// </summary>
    public static DocsAndPositionsEnum? Postings(TermsEnum iterator, AtomicReaderContext leaf, string text, TermContext context, DocsAndPositionsEnum? reuse = null) =>
        Seek(iterator, leaf, text, context) ? iterator.DocsAndPositions(leaf.AtomicReader.LiveDocs, reuse, DocsAndPositionsFlags.NONE) : null;

    /// <summary>The documents of a term in one segment, as <see cref="Postings"/> but without positions.</summary>
    public static DocsEnum? Docs(TermsEnum iterator, AtomicReaderContext leaf, string text, TermContext context, DocsEnum? reuse = null) =>
        Seek(iterator, leaf, text, context) ? iterator.Docs(leaf.AtomicReader.LiveDocs, reuse, DocsFlags.NONE) : null;

    private static bool Seek(TermsEnum iterator, AtomicReaderContext leaf, string text, TermContext context)
    {
        if (context.Get(leaf.Ord) is not { } state)
        {
            return false;
        }

        iterator.SeekExact(new BytesRef(text), state);
        return true;
    }
}
