using Lucene.Net.Search;

namespace PatentTransfer.Matching.Recommend;

/// <summary>
/// The text relevance of the candidates of either direction (patents for a demand, demands for a patent): BM25
/// relative to the best candidate, with the character-pair coverage and best passage of the query added.
/// </summary>
internal static class CandidateRelevance
{
    /// <summary>
    /// The text relevance of each candidate, 1 for the best: its BM25 score relative to the best candidate's plus
    /// <see cref="MatchOptions.PairCoverageWeight"/> × the share of the query's character pairs (query weight ×
    /// rarity) it contains, plus <see cref="MatchOptions.ProximityWeight"/> × the share found together in its best
    /// passage (<see cref="BestWindow"/>), normalised again. BM25 rewards a few rare terms repeated; the coverage a
    /// text about the whole query, also where the segmenter cut a word differently; the passage one that speaks of
    /// the query's things together. Postings reached from the pairs' term states, positions read for the candidates only.
    /// </summary>
    public static Dictionary<int, double> Compute(TermContexts lookup, ScoreDoc[] candidates, IReadOnlyList<QueryTerm> terms, string pairField, MatchOptions options)
    {
        var best = candidates[0].Score;
        var relevance = candidates.ToDictionary(d => d.Doc, d => best > 0 ? (double)d.Score / best : 0);
        if (options.PairCoverageWeight <= 0)
        {
            return relevance;
        }

        var pairs = terms.Where(t => t.IsBigram).ToList();
        var reader = lookup.Reader;
        var contexts = lookup.Of(pairField, pairs.Select(p => p.Text));
        var weighted = pairs.Select(t => (t.Text, Value: t.Weight * MatchQueries.Idf(reader.NumDocs, contexts[t.Text].DocFreq))).ToList();
        var total = weighted.Sum(p => p.Value);
        if (total <= 0)
        {
            return relevance;
        }

        var pairIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (text, _) in weighted)
        {
            pairIndex.TryAdd(text, pairIndex.Count);
        }

        var values = weighted.Select(w => w.Value).ToArray();
        var hits = options.ProximityWeight > 0 ? new Dictionary<int, List<(int Position, int Pair)>>() : null;
        lookup.ForEachHolderWithPositions(pairField, weighted.Select(w => w.Text), candidates.Select(d => d.Doc), (text, doc, postings) =>
        {
            var pair = pairIndex[text];
            relevance[doc] += options.PairCoverageWeight * values[pair] / total;
            if (hits is not null)
            {
                var list = hits.TryGetValue(doc, out var known) ? known : hits[doc] = [];
                for (var i = 0; i < postings.Freq; i++)
                {
                    list.Add((postings.NextPosition(), pair));
                }
            }
        });

        if (hits is not null)
        {
            foreach (var (doc, list) in hits)
            {
                relevance[doc] += options.ProximityWeight * BestWindow(list, values, options.ProximityWindow) / total;
            }
        }

        var top = relevance.Values.Max();
        return top > 0 ? relevance.ToDictionary(r => r.Key, r => r.Value / top) : relevance;
    }

    /// <summary>
    /// The most demand a stretch of <paramref name="window"/> characters of the patent holds: the summed value of the
    /// distinct pairs found in it. A patent that says the demand's things together, in one passage, is about them; one
    /// that has them scattered over its claims mostly is not.
    /// </summary>
    private static double BestWindow(List<(int Position, int Pair)> hits, double[] values, int window)
    {
        hits.Sort((a, b) => a.Position.CompareTo(b.Position));
        var counts = new int[values.Length];
        double current = 0, best = 0;
        var start = 0;
        foreach (var (position, pair) in hits)
        {
            if (counts[pair]++ == 0)
            {
                current += values[pair];
            }

            while (hits[start].Position <= position - window)
            {
                if (--counts[hits[start].Pair] == 0)
                {
                    current -= values[hits[start].Pair];
                }

                start++;
            }

            best = Math.Max(best, current);
        }

        return best;
    }
}
