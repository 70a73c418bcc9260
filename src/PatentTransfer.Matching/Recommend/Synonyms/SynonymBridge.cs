using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;

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
        var pairFreqs = Freqs(reader, _pairFreqs, found.Where(f => f.Word.Length == 2).Select(f => (f.Word, f.Id)), texts => MatchQueries.DocFreqs(reader, pairField, texts));
        var wordFreqs = Freqs(reader, _wordFreqs, found.Where(f => f.Word.Length > 2).Select(f => (f.Word, f.Id)), WordFreqs);

        // A stop word (可以, 以及) is not indexed as a word at all, so it would look rare; it is not a word to bridge.
        var rareWords = found.Where(f => Freq(f.Word.Length == 2 ? pairFreqs : wordFreqs, f.Id) <= rare && !IsStopWord(f.Word)).ToList();
        var candidatesOf = rareWords
            .Select(f => (f.Word, Synonyms: f.Synonyms
                .Select((text, k) => (Text: text, Id: f.SynonymIds[k]))
                .Where(s => !demandText.Contains(s.Text, StringComparison.Ordinal))
                .ToList()))
            .ToList();

        // A synonym counts only as a word the index holds whole: one the segmenter cuts into characters has no
        // document frequency as a word, and is left out with those no patent uses.
        var synonymFreqs = Freqs(reader, _wordFreqs, candidatesOf.SelectMany(c => c.Synonyms), WordFreqs);
        // Each word's synonyms the index holds, rarest first, with what each is worth: a candidate is credited with
        // the first it holds (the rarest, as the most informative; of equals, the table's first).
        var bridges = candidatesOf
            .Select(c => (c.Word, Synonyms: c.Synonyms
                .Where(s => Freq(synonymFreqs, s.Id) > 0)
                .Select(s => (s.Text, Value: MatchQueries.Idf(reader.NumDocs, Freq(synonymFreqs, s.Id))))
                .OrderByDescending(s => s.Value)
                .ToArray()))
            .Where(b => b.Synonyms.Length > 0)
            .ToList();
        if (bridges.Count == 0)
        {
            return result;
        }

        var holding = Holding(
            lookup, wordFields, [.. bridges.Select(b => b.Word).Where(w => w.Length > 2), .. bridges.SelectMany(b => b.Synonyms.Select(s => s.Text))], candidates);
        var pairHolding = Holding(lookup, [pairField], [.. bridges.Select(b => b.Word).Where(w => w.Length == 2)], candidates);
        var held = bridges.Select(b => ((b.Word.Length == 2 ? pairHolding : holding)[b.Word], b.Synonyms.Select(s => holding[s.Text]).ToArray())).ToArray();
        foreach (var doc in candidates)
        {
            List<SynonymMatch>? matches = null;
            for (var b = 0; b < bridges.Count; b++)
            {
                var (wordHolders, synonymHolders) = held[b];
                if (wordHolders.Contains(doc))
                {
                    continue;
                }

                for (var k = 0; k < synonymHolders.Length; k++)
                {
                    if (synonymHolders[k].Contains(doc))
                    {
                        var (text, value) = bridges[b].Synonyms[k];
                        (matches ??= []).Add(new SynonymMatch(bridges[b].Word, text, value));
                        break;
                    }
                }
            }

            if (matches is not null)
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
        foreach (var field in fields)
        {
            lookup.ForEachHolder(field, holding.Keys, candidates, (term, doc, _) => holding[term].Add(doc));
        }

        return holding;
    }

    /// <summary>
    /// The document frequencies of the table's words in <paramref name="reader"/>, by their numbers, with those of
    /// <paramref name="tableWords"/> (words of the table and their numbers) read if this reader has not been asked about
    /// them yet; read an entry with <see cref="Freq"/>. Concurrent queries may both read a word; they write the same number.
    /// </summary>
    private static int[] Freqs(
        IndexReader reader,
        ConditionalWeakTable<IndexReader, int[]> known,
        IEnumerable<(string Text, int Id)> tableWords,
        Func<IEnumerable<string>, Dictionary<string, int>> read)
    {
        var freqs = known.GetValue(reader, static _ =>
        {
            var unread = new int[SynonymTable.Shipped.WordCount];
            Array.Fill(unread, -1);
            return unread;
        });
        var missing = tableWords.Where(w => Freq(freqs, w.Id) < 0).ToList();
        if (missing.Count > 0)
        {
            var found = read(missing.Select(w => w.Text));
            foreach (var (text, id) in missing)
            {
                Volatile.Write(ref freqs[id], found[text]);
            }
        }

        return freqs;
    }

    private static int Freq(int[] freqs, int id) => Volatile.Read(ref freqs[id]);

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
