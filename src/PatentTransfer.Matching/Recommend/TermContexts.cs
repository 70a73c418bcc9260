using Lucene.Net.Index;
using Lucene.Net.Search;
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
    /// Calls <paramref name="found"/> for each of <paramref name="texts"/> (in their order) and each of
    /// <paramref name="docs"/> (global numbers) that holds it in <paramref name="field"/>, with the term's postings
    /// standing on that document (its frequency can be read). The postings are reached from the terms' states, with one
    /// term enumerator per segment, and reused from term to term: each holds decoding buffers of a few kilobytes, and a
    /// query reads a few hundred.
    /// </summary>
    public void ForEachHolder(string field, IEnumerable<string> texts, IEnumerable<int> docs, Action<string, int, DocsEnum> found) =>
        Walk(field, texts, docs, static (iterator, live, reuse) => iterator.Docs(live, reuse, DocsFlags.NONE), found);

    /// <summary>As <see cref="ForEachHolder"/>, with the term's positions in the document readable from the postings.</summary>
    public void ForEachHolderWithPositions(string field, IEnumerable<string> texts, IEnumerable<int> docs, Action<string, int, DocsAndPositionsEnum> found) =>
        Walk(field, texts, docs, static (iterator, live, reuse) => iterator.DocsAndPositions(live, reuse, DocsAndPositionsFlags.NONE), found);

    private void Walk<TPostings>(
        string field, IEnumerable<string> texts, IEnumerable<int> docs, Func<TermsEnum, IBits?, TPostings?, TPostings?> open, Action<string, int, TPostings> found)
        where TPostings : DocsEnum
    {
        var ordered = texts.Distinct(StringComparer.Ordinal).ToList();
        var contexts = Of(field, ordered);
        var sorted = docs.Order().ToArray();
        var target = new BytesRef();
        foreach (var leaf in reader.Leaves)
        {
            var local = sorted.Where(d => d >= leaf.DocBase && d < leaf.DocBase + leaf.Reader.MaxDoc).ToArray();
            if (local.Length == 0 || leaf.AtomicReader.GetTerms(field) is not { } terms)
            {
                continue;
            }

            var iterator = terms.GetEnumerator();
            TPostings? previous = null;
            foreach (var text in ordered)
            {
                if (contexts[text].Get(leaf.Ord) is not { } state)
                {
                    continue;
                }

                // Positioned from the term's state, without searching the term dictionary again; the enumerator copies
                // the term, so one buffer serves them all.
                target.CopyChars(text);
                iterator.SeekExact(target, state);
                if (open(iterator, leaf.AtomicReader.LiveDocs, previous) is not { } postings)
                {
                    continue;
                }

                previous = postings;
                foreach (var doc in Holding(postings, local, leaf.DocBase))
                {
                    found(text, doc, postings);
                }
            }
        }
    }

    /// <summary>
    /// The documents of <paramref name="candidates"/> (sorted, global numbers, all in the segment starting at
    /// <paramref name="docBase"/>) that <paramref name="postings"/> holds, skipping through the postings to each; while
    /// a document is yielded the postings stand on it (its frequency and positions can be read).
    /// </summary>
    private static IEnumerable<int> Holding(DocsEnum postings, int[] candidates, int docBase)
    {
        foreach (var doc in candidates)
        {
            var target = doc - docBase;
            if (postings.DocID < target && postings.Advance(target) == DocIdSetIterator.NO_MORE_DOCS)
            {
                yield break;
            }

            if (postings.DocID == target)
            {
                yield return doc;
            }
        }
    }
}
