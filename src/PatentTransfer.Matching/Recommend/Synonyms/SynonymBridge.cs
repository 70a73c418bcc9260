using System.Collections.Concurrent;
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
internal sealed class SynonymBridge(Analyzer words, MatchOptions options)
{
    // The segmenter's words of each rare dictionary word met so far (a word it drops altogether is a stop word). The
    // dictionary is finite, so is this cache.
    private readonly ConcurrentDictionary<string, string[]> _tokens = new(StringComparer.Ordinal);

    /// <summary>Per candidate holding any: its bridged words.</summary>
    public Dictionary<int, IReadOnlyList<SynonymMatch>> Read(
        IndexReader reader, string demandText, IReadOnlyCollection<int> candidates, IReadOnlyList<string> wordFields, string pairField)
    {
        var result = new Dictionary<int, IReadOnlyList<SynonymMatch>>();
        if (options.SynonymWeight <= 0 || candidates.Count == 0)
        {
            return result;
        }

        var found = SynonymTable.Shipped.Find(demandText).DistinctBy(f => f.Word).ToList();
        if (found.Count == 0)
        {
            return result;
        }

        var rare = Math.Max(1, options.SynonymMaxShare * reader.NumDocs);
        // A word of two characters is read in the pair field alone (wherever the word is, its pair is: one seek instead
        // of one per word field; most dictionary words have two characters); a longer one in the word fields.
        var pairFreqs = MatchQueries.DocFreqs(reader, pairField, found.Select(f => f.Word).Where(w => w.Length == 2));
        var wordFreqs = MatchQueries.MaxDocFreqs(reader, wordFields, found.Select(f => f.Word).Where(w => w.Length > 2));
        int FreqOf(string word) => word.Length == 2 ? pairFreqs[word] : wordFreqs[word];

        // A stop word (可以, 以及) is not indexed as a word at all, so it would look rare; it is not a word to bridge.
        var rareWords = found.Where(f => FreqOf(f.Word) <= rare && !IsStopWord(f.Word)).ToList();
        var candidatesOf = rareWords.ToDictionary(
            f => f.Word, f => f.Synonyms.Where(s => !demandText.Contains(s, StringComparison.Ordinal)).ToList(), StringComparer.Ordinal);

        // A synonym counts only as a word the index holds whole: one the segmenter cuts into characters has no
        // document frequency as a word, and is left out with those no patent uses.
        var synonymFreqs = MatchQueries.MaxDocFreqs(reader, wordFields, candidatesOf.Values.SelectMany(s => s));
        var bridges = candidatesOf
            .Select(c => (Word: c.Key, Synonyms: c.Value.Where(s => synonymFreqs[s] > 0).ToList()))
            .Where(b => b.Synonyms.Count > 0)
            .ToList();
        if (bridges.Count == 0)
        {
            return result;
        }

        var lookups = bridges.SelectMany(b => b.Synonyms).ToList();
        var holding = Holding(reader, wordFields, [.. bridges.Select(b => b.Word).Where(w => w.Length > 2), .. lookups], candidates);
        var pairHolding = Holding(reader, [pairField], [.. bridges.Select(b => b.Word).Where(w => w.Length == 2)], candidates);
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
                    .Where(s => synonymFreqs[s] > 0 && holding[s].Contains(doc))
                    .MaxBy(s => MatchQueries.Idf(reader.NumDocs, synonymFreqs[s]));
                if (best is not null)
                {
                    matches.Add(new SynonymMatch(word, best, MatchQueries.Idf(reader.NumDocs, synonymFreqs[best])));
                }
            }

            if (matches.Count > 0)
            {
                result[doc] = matches;
            }
        }

        return result;
    }

    /// <summary>Which of <paramref name="candidates"/> hold each term in any of <paramref name="fields"/> (a seek per term, field and segment).</summary>
    private static Dictionary<string, HashSet<int>> Holding(
        IndexReader reader, IReadOnlyList<string> fields, IReadOnlyList<string> terms, IReadOnlyCollection<int> candidates)
    {
        var holding = terms.Distinct(StringComparer.Ordinal).ToDictionary(t => t, _ => new HashSet<int>(), StringComparer.Ordinal);
        var docs = candidates.Order().ToArray();
        foreach (var leaf in reader.Leaves)
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
                    if (!iterator.SeekExact(new BytesRef(term)))
                    {
                        continue;
                    }

                    var postings = iterator.Docs(leaf.AtomicReader.LiveDocs, null, DocsFlags.NONE);
                    set.UnionWith(MatchQueries.Holding(postings, local, leaf.DocBase));
                }
            }
        }

        return holding;
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
