namespace PatentTransfer.Cli;

/// <summary>A ratio of two engines' latency percentiles over the same demands, and the interval it falls in when the demands are resampled.</summary>
public readonly record struct LatencyRatioInterval(double Ratio, double Low, double High);

/// <summary>
/// How many times one engine's latency percentile is another's over the same demands, with a 95 % interval from a paired
/// bootstrap: the demands are drawn again with replacement, each keeping both engines' latencies. The 95th percentile of
/// 200 demands is decided by the ten slowest, so one ratio says little about what the next set of demands would give;
/// the interval says how far it could move.
/// </summary>
public static class LatencyRatio
{
    public static LatencyRatioInterval Of(
        IReadOnlyList<double> ours, IReadOnlyList<double> peer, double percentile, int resamples = 2000, int seed = 7)
    {
        ArgumentNullException.ThrowIfNull(ours);
        ArgumentNullException.ThrowIfNull(peer);
        if (ours.Count == 0 || ours.Count != peer.Count)
        {
            throw new ArgumentException("both engines need a latency for each of the same demands", nameof(peer));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        var random = new Random(seed);
        var ratios = new double[resamples];
        var oursDrawn = new double[ours.Count];
        var peerDrawn = new double[ours.Count];
        for (var r = 0; r < resamples; r++)
        {
            for (var i = 0; i < ours.Count; i++)
            {
                var k = random.Next(ours.Count);
                oursDrawn[i] = ours[k];
                peerDrawn[i] = peer[k];
            }

            ratios[r] = SearchBenchmark.Percentile(oursDrawn, percentile) / SearchBenchmark.Percentile(peerDrawn, percentile);
        }

        Array.Sort(ratios);
        return new LatencyRatioInterval(
            SearchBenchmark.Percentile(ours, percentile) / SearchBenchmark.Percentile(peer, percentile),
            SearchBenchmark.Percentile(ratios, 2.5),
            SearchBenchmark.Percentile(ratios, 97.5));
    }
}
