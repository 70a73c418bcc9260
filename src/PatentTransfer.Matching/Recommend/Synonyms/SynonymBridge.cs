using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace PatentTransfer.Matching.Recommend.Synonyms;

/// <summary>
/// A demand's word a patent lacks, found in it as a near-synonym (挖机 in the demand, 挖掘机 in the patent), and what it is
/// worth (the synonym's idf).
/// </summary>
internal sealed record SynonymMatch(string DemandWord, string PatentWord, double Value);

/// <summary>
/// Credits a candidate for the demand's words it lacks but holds as near-synonyms (<see cref="SynonymTable"/>): the SME
/// writes 挖机, 撕裂, 减震; the patent 挖掘机, 撕破, 减振. Only in re-ranking — as query terms, synonyms bring in more
/// unrelated patents than they bridge to (decision 0016) — and only for words patents seldom use
/// (<see cref="MatchOptions.SynonymMaxShare"/>): a common word needs no bridge. A bridged word is worth its synonym's idf.
/// </summary>
internal sealed class SynonymBridge(Analyzer words, MatchOptions options, IReadOnlyList<string> wordFields, string pairField)
{
    // Document frequencies of the table's words, per reader, read on first use: the dictionary's words recur from
    // demand to demand, and a long demand holds a hundred of them. An array per reader (dropped with it) rather than
    // an entry per word: kept entries are what young-generation collections copy, and a dictionary of them made the
    // slowest queries slower (decision 0016).
    private readonly ConditionalWeakTable<IndexReader, int[]> _wordFreqs = new();
    private readonly ConditionalWeakTable<IndexReader, int[]> _pairFreqs = new();

    // The segmenter's words of each rare dictionary word met so far (a word it drops altogether is a stop word). The
    // dictionary is finite, so is this cache.
    private readonly ConcurrentDictionary<string, string[]> _tokens = new(StringComparer.Ordinal);

    /// <summary>Per candidate holding any: its bridged words.</summary>
    public Dictionary<int, IReadOnlyList<SynonymMatch>> Read(TermContexts lookup, string demandText, IReadOnlyCollection<int> candidates)
    {
        var result = new Dictionary<int, IReadOnlyList<SynonymMatch>>();
        if (options.SynonymWeight <= 0 || candidates.Count == 0)
        {
            return result;
        }

        var reader = lookup.Reader;
        var found = SynonymTable.Shipped.Find(demandText).DistinctBy(f => f.Word).ToList();
        if (found.Count == 0)
        {
            return result;
        }

        var rare = Math.Max(1, options.SynonymMaxShare * reader.NumDocs);
        // A word of two characters is read in the pair field alone (wherever the word is, its pair is: one seek instead
        // of one per word field; most dictionary words have two characters); a longer one in the word fields.
        Dictionary<string, int> WordFreqs(IEnumerable<string> texts) => MatchQueries.MaxDocFreqs(reader, wordFields, texts);
        var pairFreqs = Freqs(reader, _pairFreqs, found.Select(f => f.Word).Where(w => w.Length == 2), texts => MatchQueries.DocFreqs(reader, pairField, texts));
        var wordFreqs = Freqs(reader, _wordFreqs, found.Select(f => f.Word).Where(w => w.Length > 2), WordFreqs);
        int FreqOf(string word) => word.Length == 2 ? pairFreqs(word) : wordFreqs(word);

        // A stop word (可以, 以及) is not indexed as a word at all, so it would look rare; it is not a word to bridge.
        var rareWords = found.Where(f => FreqOf(f.Word) <= rare && !IsStopWord(f.Word)).ToList();
        var candidatesOf = rareWords.ToDictionary(
            f => f.Word, f => f.Synonyms.Where(s => !demandText.Contains(s, StringComparison.Ordinal)).ToList(), StringComparer.Ordinal);

        // A synonym counts only as a word the index holds whole: one the segmenter cuts into characters has no
        // document frequency as a word, and is left out with those no patent uses.
        var synonymFreqs = Freqs(reader, _wordFreqs, candidatesOf.Values.SelectMany(s => s), WordFreqs);
        var bridges = candidatesOf
            .Select(c => (Word: c.Key, Synonyms: c.Value.Where(s => synonymFreqs(s) > 0).ToList()))
            .Where(b => b.Synonyms.Count > 0)
            .ToList();
        if (bridges.Count == 0)
        {
            return result;
        }

        var lookups = bridges.SelectMany(b => b.Synonyms).ToList();
        var holding = Holding(lookup, wordFields, [.. bridges.Select(b => b.Word).Where(w => w.Length > 2), .. lookups], candidates);
        var pairHolding = Holding(lookup, [pairField], [.. bridges.Select(b => b.Word).Where(w => w.Length == 2)], candidates);
        foreach (var doc in candidates)
        {
            var matches = new List<SynonymMatch>();
            foreach (var (word, synonyms) in bridges)
            {
                if ((word.Length == 2 ? pairHolding : holding)[word].Contains(doc))
                {
                    continue;
                }

                var best = synonyms
                    .Where(s => synonymFreqs(s) > 0 && holding[s].Contains(doc))
                    .MaxBy(s => MatchQueries.Idf(reader.NumDocs, synonymFreqs(s)));
                if (best is not null)
                {
                    matches.Add(new SynonymMatch(word, best, MatchQueries.Idf(reader.NumDocs, synonymFreqs(best))));
                }
            }

            if (matches.Count > 0)
            {
                result[doc] = matches;
            }
        }

        return result;
    }

    /// <summary>Which of <paramref name="candidates"/> hold each term in any of <paramref name="fields"/>.</summary>
    private static Dictionary<string, HashSet<int>> Holding(
        TermContexts lookup, IReadOnlyList<string> fields, IReadOnlyList<string> terms, IReadOnlyCollection<int> candidates)
    {
        var holding = terms.Distinct(StringComparer.Ordinal).ToDictionary(t => t, _ => new HashSet<int>(), StringComparer.Ordinal);
        var contexts = fields.ToDictionary(f => f, f => lookup.Of(f, holding.Keys), StringComparer.Ordinal);
        var docs = candidates.Order().ToArray();
        foreach (var leaf in lookup.Reader.Leaves)
        {
            var local = docs.Where(d => d >= leaf.DocBase && d < leaf.DocBase + leaf.Reader.MaxDoc).ToArray();
            if (local.Length == 0)
            {
                continue;
            }

            foreach (var field in fields)
            {
                if (leaf.AtomicReader.GetTerms(field) is not { } fieldTerms)
                {
                    continue;
                }

                var iterator = fieldTerms.GetEnumerator();
                foreach (var (term, set) in holding)
                {
                    if (TermContexts.Docs(iterator, leaf, term, contexts[field][term]) is { } postings)
                    {
                        set.UnionWith(MatchQueries.Holding(postings, local, leaf.DocBase));
                    }
                }
            }
        }

        return holding;
    }

    /// <summary>
    /// The document frequency of each of <paramref name="tableWords"/> (words of the table), read for those this
    /// reader has not been asked about yet. Concurrent queries may both read a word; they write the same number.
    /// </summary>
    private static Func<string, int> Freqs(
        IndexReader reader, ConditionalWeakTable<IndexReader, int[]> known, IEnumerable<string> tableWords, Func<IEnumerable<string>, Dictionary<string, int>> read)
    {
        var table = SynonymTable.Shipped;
        var freqs = known.GetValue(reader, static _ =>
        {
            var unread = new int[SynonymTable.Shipped.WordCount];
            Array.Fill(unread, -1);
            return unread;
        });
        var missing = tableWords.Where(w => Volatile.Read(ref freqs[table.IdOf(w)]) < 0).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            foreach (var (word, freq) in read(missing))
            {
                Volatile.Write(ref freqs[table.IdOf(word)], freq);
            }
        }

        return word => Volatile.Read(ref freqs[table.IdOf(word)]);
    }

    private bool IsStopWord(string text) => _tokens.GetOrAdd(text, Tokens).Length == 0;

    private string[] Tokens(string text)
    {
        using var stream = words.GetTokenStream(PatentMatchSchema.Abstract, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var tokens = new List<string>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(term.ToString());
        }

        stream.End();
        return [.. tokens];
    }
}
