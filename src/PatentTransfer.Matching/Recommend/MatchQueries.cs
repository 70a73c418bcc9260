using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace PatentTransfer.Matching.Recommend;

/// <summary>
/// What both directions of matching do with a long text turned into weighted terms (a demand against patents, a patent
/// against demands): keep the most informative words and character pairs, and query them as one disjunction.
/// </summary>
internal static class MatchQueries
{
    // Terms whose document frequencies are looked up together, heaviest first (see Best).
    private const int LookupBatch = 32;

    /// <summary>
    /// The query terms of <paramref name="raw"/> (each term's summed weight and where it came from): weights grow
    /// sub-linearly with use, terms the index does not hold are dropped, and the words and pairs with the highest
    /// weight × idf are kept, up to <see cref="MatchOptions.MaxQueryWords"/> and <see cref="MatchOptions.MaxQueryBigrams"/>.
    /// A word's rarity is read in the first of <paramref name="wordFields"/>, the text every document has (a patent's
    /// abstract, a demand's body), and in the others only for words that text never uses (see <see cref="WordDocFreqs"/>).
    /// </summary>
    public static IReadOnlyList<QueryTerm> Choose(
        IReadOnlyDictionary<(string Text, bool IsBigram), (float Weight, QueryTermSource Source)> raw,
        IndexReader reader,
        IReadOnlyList<string> wordFields,
        string bigramField,
        MatchOptions options) =>
    [
        .. Best(raw, isBigram: false, options.MaxQueryWords, reader.NumDocs, texts => WordDocFreqs(reader, wordFields, texts)),
        .. Best(raw, isBigram: true, options.MaxQueryBigrams, reader.NumDocs, texts => DocFreqs(reader, bigramField, texts)),
    ];

    /// <summary>
    /// The <paramref name="take"/> terms of one kind with the highest weight × idf, best first. Document frequencies
    /// are looked up in batches, heaviest terms first, and no further once the next term's weight times the highest
    /// idf there is (a term of one document) falls short of the <paramref name="take"/>-th best value found: a long
    /// text has hundreds of distinct terms, most of them used once, and each look-up walks the term dictionary of
    /// every segment and field. The terms left unread could not have been chosen, so the choice is the same.
    /// </summary>
    private static IEnumerable<QueryTerm> Best(
        IReadOnlyDictionary<(string Text, bool IsBigram), (float Weight, QueryTermSource Source)> raw,
        bool isBigram,
        int take,
        int total,
        Func<IEnumerable<string>, Dictionary<string, int>> docFreqs)
    {
        if (take <= 0)
        {
            return [];
        }

        var terms = raw
            .Where(r => r.Key.IsBigram == isBigram && r.Value.Weight > 0)
            .Select(r => new QueryTerm(r.Key.Text, isBigram, Sublinear(r.Value.Weight), r.Value.Source))
            .OrderByDescending(t => t.Weight)
            .ToList();
        var highestIdf = Idf(total, 1);
        var chosen = new List<(QueryTerm Term, double Value)>();
        var best = new PriorityQueue<double, double>(take + 1);
        for (var start = 0; start < terms.Count; start += LookupBatch)
        {
            if (best.Count == take && terms[start].Weight * highestIdf < best.Peek())
            {
                break;
            }

            var batch = terms.GetRange(start, Math.Min(LookupBatch, terms.Count - start));
            var freqs = docFreqs(batch.Select(t => t.Text));
            foreach (var term in batch)
            {
                if (freqs[term.Text] is var docFreq && docFreq == 0)
                {
                    continue;
                }

                var value = term.Weight * Idf(total, docFreq);
                chosen.Add((term, value));
                best.Enqueue(value, value);
                if (best.Count > take)
                {
                    best.Dequeue();
                }
            }
        }

        return chosen
            .OrderByDescending(c => c.Value)
            .ThenBy(c => c.Term.Text, StringComparer.Ordinal)
            .Take(take)
            .Select(c => c.Term);
    }

    private static float Sublinear(float weight) => weight <= 1f ? weight : 1f + MathF.Log(weight);

    /// <summary>
    /// One disjunction: each word across <paramref name="wordFields"/> (the best field counts, the others add
    /// <see cref="MatchOptions.TieBreaker"/> of theirs), each character pair in <paramref name="bigramField"/> at
    /// <see cref="MatchOptions.BigramWeight"/>. A field of weight 0 is left out rather than queried for nothing.
    /// </summary>
    public static BooleanQuery Disjunction(
        TermContexts lookup, IReadOnlyList<QueryTerm> terms, IReadOnlyDictionary<string, float> wordFields, string bigramField, MatchOptions options)
    {
        // Each term is looked up once per field for the query (which would otherwise look it up itself) and the same
        // look-up serves re-ranking and explanation.
        var words = terms.Where(t => !t.IsBigram).Select(t => t.Text).ToList();
        var contexts = wordFields.Where(f => f.Value > 0).ToDictionary(f => f.Key, f => lookup.Of(f.Key, words), StringComparer.Ordinal);
        var pairs = lookup.Of(bigramField, terms.Where(t => t.IsBigram).Select(t => t.Text));
        var query = new BooleanQuery();
        foreach (var term in terms)
        {
            if (term.IsBigram)
            {
                if (options.BigramWeight > 0)
                {
                    query.Add(new TermQuery(new Term(bigramField, term.Text), pairs[term.Text]) { Boost = term.Weight * options.BigramWeight }, Occur.SHOULD);
                }

                continue;
            }

            var word = new DisjunctionMaxQuery(options.TieBreaker) { Boost = term.Weight };
            foreach (var (field, boost) in wordFields)
            {
                if (boost > 0)
                {
                    word.Add(new TermQuery(new Term(field, term.Text), contexts[field][term.Text]) { Boost = boost });
                }
            }

            query.Add(word, Occur.SHOULD);
        }

        return query;
    }

    /// <summary>BM25's idf, as Lucene computes it.</summary>
    public static double Idf(int documents, int docFreq) => Math.Log(1 + ((documents - docFreq + 0.5) / (docFreq + 0.5)));

    /// <summary>
    /// Document frequencies of many terms of one field, with one term enumerator per segment: a long text has hundreds
    /// of distinct words and pairs, and asking the reader term by term opens an enumerator for each.
    /// </summary>
    public static Dictionary<string, int> DocFreqs(IndexReader reader, string field, IEnumerable<string> texts)
    {
        var freqs = texts.Distinct(StringComparer.Ordinal).ToDictionary(t => t, _ => 0, StringComparer.Ordinal);
        SeekEach(reader, field, [.. freqs.Keys], (text, _, iterator) => freqs[text] += iterator.DocFreq);
        return freqs;
    }

    /// <summary>
    /// Seeks each of <paramref name="texts"/> in <paramref name="field"/> of every segment, with one term enumerator per
    /// segment, and calls <paramref name="found"/> where a segment holds it (the enumerator standing on the term).
    /// </summary>
    public static void SeekEach(IndexReader reader, string field, IReadOnlyCollection<string> texts, Action<string, AtomicReaderContext, TermsEnum> found)
    {
        var target = new BytesRef();
        foreach (var leaf in reader.Leaves)
        {
            if (leaf.AtomicReader.GetTerms(field) is not { } terms)
            {
                continue;
            }

            var iterator = terms.GetEnumerator();
            foreach (var text in texts)
            {
                // The enumerator copies what it seeks, so one buffer serves every term.
                target.CopyChars(text);
                if (iterator.SeekExact(target))
                {
                    found(text, leaf, iterator);
                }
            }
        }
    }

    /// <summary>
    /// The document frequency of each word in <paramref name="fields"/>[0], the field every document has, or, for a
    /// word no document has there, its highest in the other fields (a word of titles or claims only is still known).
    /// One look-up per word where the highest over all fields took one per field, and the same choice of query terms:
    /// the development set's runs were identical both ways in both directions (decision 0016).
    /// </summary>
    public static Dictionary<string, int> WordDocFreqs(IndexReader reader, IReadOnlyList<string> fields, IEnumerable<string> words)
    {
        var freqs = DocFreqs(reader, fields[0], words);
        var elsewhere = freqs.Where(f => f.Value == 0).Select(f => f.Key).ToList();
        if (elsewhere.Count > 0 && fields.Count > 1)
        {
            foreach (var (word, freq) in MaxDocFreqs(reader, fields.Skip(1).ToList(), elsewhere))
            {
                freqs[word] = freq;
            }
        }

        return freqs;
    }

    /// <summary>The highest document frequency of each word over several fields (a word found in one field only is still known).</summary>
    public static Dictionary<string, int> MaxDocFreqs(IndexReader reader, IReadOnlyList<string> fields, IEnumerable<string> words)
    {
        var list = words.ToList();
        var byField = fields.Select(field => DocFreqs(reader, field, list)).ToList();
        return list.Distinct(StringComparer.Ordinal).ToDictionary(w => w, w => byField.Max(f => f[w]), StringComparer.Ordinal);
    }
}
