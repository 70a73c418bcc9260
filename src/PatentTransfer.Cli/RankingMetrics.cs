namespace PatentTransfer.Cli;

/// <summary>One line of a judgments file (dev-qrels.jsonl): grade 1–3, unjudged patents count as 0.</summary>
internal sealed record CorpusJudgment(string DemandId, string PatentId, int Grade);

/// <summary>Means over the judged demands; a demand without a ranking scores 0.</summary>
internal sealed record RankingFigures(int Demands, double Mrr10, double Recall10, double Recall50, double Ndcg10);

/// <summary>
/// The figures of shared/eval/score.py, computed the same way (same cut-offs, gains 2^grade − 1, log2 discounts,
/// ideal ranking from the judgments), so that <c>search eval</c> prints what the scorer would say of its runs.
/// </summary>
internal static class RankingMetrics
{
    public static Dictionary<string, Dictionary<string, int>> ReadJudgments(string path)
    {
        var judgments = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var judgment in PatentCorpus.ReadLines<CorpusJudgment>(path))
        {
            if (!judgments.TryGetValue(judgment.DemandId, out var grades))
            {
                grades = new Dictionary<string, int>(StringComparer.Ordinal);
                judgments[judgment.DemandId] = grades;
            }

            grades[judgment.PatentId] = judgment.Grade;
        }

        return judgments;
    }

    public static RankingFigures Score(
        IReadOnlyDictionary<string, Dictionary<string, int>> judgments,
        IReadOnlyDictionary<string, IReadOnlyList<string>> rankings)
    {
        double mrr = 0, recall10 = 0, recall50 = 0, ndcg = 0;
        foreach (var (demand, grades) in judgments)
        {
            var ranked = rankings.GetValueOrDefault(demand) ?? [];
            int Grade(string patent) => grades.GetValueOrDefault(patent);

            var firstRelevant = ranked.Take(10).Select((patent, i) => (patent, rank: i + 1)).FirstOrDefault(r => Grade(r.patent) > 0);
            mrr += firstRelevant.rank > 0 ? 1.0 / firstRelevant.rank : 0;

            var relevant = Math.Max(1, grades.Values.Count(g => g > 0));
            recall10 += ranked.Take(10).Count(p => Grade(p) > 0) / (double)relevant;
            recall50 += ranked.Take(50).Count(p => Grade(p) > 0) / (double)relevant;

            var dcg = ranked.Take(10).Select((patent, i) => Gain(Grade(patent)) / Math.Log2(i + 2)).Sum();
            var ideal = grades.Values.OrderDescending().Take(10).Select((grade, i) => Gain(grade) / Math.Log2(i + 2)).Sum();
            ndcg += ideal > 0 ? dcg / ideal : 0;
        }

        var count = Math.Max(1, judgments.Count);
        return new RankingFigures(judgments.Count, mrr / count, recall10 / count, recall50 / count, ndcg / count);
    }

    private static double Gain(int grade) => Math.Pow(2, grade) - 1;
}
