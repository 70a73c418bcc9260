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
    /// <summary>
    /// The query terms of <paramref name="raw"/> (each term's summed weight and where it came from): weights grow
    /// sub-linearly with use, terms the index does not hold are dropped, and the words and pairs with the highest
    /// weight × idf are kept, up to <see cref="MatchOptions.MaxQueryWords"/> and <see cref="MatchOptions.MaxQueryBigrams"/>.
    /// </summary>
    public static IReadOnlyList<QueryTerm> Choose(
        IReadOnlyDictionary<(string Text, bool IsBigram), (float Weight, QueryTermSource Source)> raw,
        IndexReader reader,
        IReadOnlyList<string> wordFields,
        string bigramField,
        MatchOptions options)
    {
        var total = reader.NumDocs;
        var wordFreqs = MaxDocFreqs(reader, wordFields, raw.Keys.Where(k => !k.IsBigram).Select(k => k.Text));
        var pairFreqs = DocFreqs(reader, bigramField, raw.Keys.Where(k => k.IsBigram).Select(k => k.Text));
        var chosen = new List<(QueryTerm Term, double Value)>();
        foreach (var ((text, isBigram), (weight, source)) in raw)
        {
            var docFreq = (isBigram ? pairFreqs : wordFreqs)[text];
            if (docFreq == 0 || weight <= 0)
            {
                continue;
            }

            var sublinear = weight <= 1f ? weight : 1f + MathF.Log(weight);
            chosen.Add((new QueryTerm(text, isBigram, sublinear, source), sublinear * Idf(total, docFreq)));
        }

        var ordered = chosen.OrderByDescending(c => c.Value).ThenBy(c => c.Term.Text, StringComparer.Ordinal).ToList();
        return
        [
            .. ordered.Where(c => !c.Term.IsBigram).Take(options.MaxQueryWords).Select(c => c.Term),
            .. ordered.Where(c => c.Term.IsBigram).Take(options.MaxQueryBigrams).Select(c => c.Term),
        ];
    }

    /// <summary>
    /// One disjunction: each word across <paramref name="wordFields"/> (the best field counts, the others add
    /// <see cref="MatchOptions.TieBreaker"/> of theirs), each character pair in <paramref name="bigramField"/> at
    /// <see cref="MatchOptions.BigramWeight"/>. A field of weight 0 is left out rather than queried for nothing.
    /// </summary>
    public static BooleanQuery Disjunction(
        IEnumerable<QueryTerm> terms, IReadOnlyDictionary<string, float> wordFields, string bigramField, MatchOptions options)
    {
        var query = new BooleanQuery();
        foreach (var term in terms)
        {
            if (term.IsBigram)
            {
                if (options.BigramWeight > 0)
                {
                    query.Add(new TermQuery(new Term(bigramField, term.Text)) { Boost = term.Weight * options.BigramWeight }, Occur.SHOULD);
                }

                continue;
            }

            var word = new DisjunctionMaxQuery(options.TieBreaker) { Boost = term.Weight };
            foreach (var (field, boost) in wordFields)
            {
                if (boost > 0)
                {
                    word.Add(new TermQuery(new Term(field, term.Text)) { Boost = boost });
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
        foreach (var leaf in reader.Leaves)
        {
            if (leaf.AtomicReader.GetTerms(field) is not { } terms)
            {
                continue;
            }

            var iterator = terms.GetEnumerator();
            foreach (var text in freqs.Keys.ToList())
            {
                if (iterator.SeekExact(new BytesRef(text)))
                {
                    freqs[text] += iterator.DocFreq;
                }
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

    /// <summary>
    /// The documents of <paramref name="candidates"/> (sorted, global numbers, all in the segment starting at
    /// <paramref name="docBase"/>) that <paramref name="postings"/> holds, skipping through the postings to each; while
    /// a document is yielded the postings stand on it (its frequency and positions can be read).
    /// </summary>
    public static IEnumerable<int> Holding(DocsEnum postings, int[] candidates, int docBase)
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
