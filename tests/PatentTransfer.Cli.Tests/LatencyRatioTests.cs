using PatentTransfer.Cli;

namespace PatentTransfer.Cli.Tests;

public sealed class LatencyRatioTests
{
    private static readonly double[] Peer = [.. Enumerable.Range(1, 200).Select(i => i / 10.0)];

    [Fact]
    public void AnEngineTwiceAsSlowOnEveryDemandIsTwiceAsSlowInEveryResample()
    {
        var ratio = LatencyRatio.Of([.. Peer.Select(x => 2 * x)], Peer, 95);

        Assert.Equal(2, ratio.Ratio, 9);
        Assert.Equal(2, ratio.Low, 9);
        Assert.Equal(2, ratio.High, 9);
    }

    [Fact]
    public void TheIntervalHoldsTheRatioAndWidensWhenTheSlowestDemandsDisagree()
    {
        // Ours is as fast as the peer on every demand but its ten slowest, where it takes three times as long: whether
        // the 95th percentile lands among them depends on which demands are drawn.
        var ours = Peer.Select((x, i) => i >= 190 ? 3 * x : x).ToArray();

        var ratio = LatencyRatio.Of(ours, Peer, 95);
        var median = LatencyRatio.Of(ours, Peer, 50);

        Assert.InRange(ratio.Ratio, ratio.Low, ratio.High);
        Assert.True(ratio.High - ratio.Low > 0.5, $"interval {ratio.Low}-{ratio.High}");
        Assert.Equal(1, median.Ratio, 9);
        Assert.Equal(1, median.High, 9);
    }

    [Fact]
    public void EachDemandNeedsBothEnginesLatencies()
    {
        Assert.Throws<ArgumentException>(() => LatencyRatio.Of([1, 2], [1], 95));
        Assert.Throws<ArgumentException>(() => LatencyRatio.Of([], [], 95));
    }
}
