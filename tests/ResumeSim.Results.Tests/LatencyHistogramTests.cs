namespace ResumeSim.Results.Tests;

public sealed class LatencyHistogramTests
{
    [Fact]
    public void ToRows_ComputesCumulativeFractions()
    {
        var rows = LatencyHistogram.ToRows("s", 1, SampleRuns.Servers2, "page", [(1.0, 1), (2.0, 0), (4.0, 3)]);

        Assert.Equal([0.25, 0.25, 1.0], rows.Select(r => r.CumulativeFraction));
        Assert.Equal([1L, 0L, 3L], rows.Select(r => r.Count));
        Assert.All(rows, r => Assert.Equal(SampleRuns.Servers2, r.Sweep));
        Assert.All(rows, r => Assert.Equal(("s", 1, "page"), (r.Strategy, r.Replication, r.Metric)));
    }

    [Fact]
    public void ToRows_AllZeroCounts_GivesZeroFractions()
    {
        var rows = LatencyHistogram.ToRows("s", 0, [], "queue_wait", [(1.0, 0), (2.0, 0)]);

        Assert.Equal([0.0, 0.0], rows.Select(r => r.CumulativeFraction));
    }

    [Fact]
    public void ToRows_UnorderedBounds_Throw() =>
        Assert.Throws<ArgumentException>(() => LatencyHistogram.ToRows("s", 0, [], "page", [(2.0, 1), (2.0, 1)]));

    [Fact]
    public void ToRows_NegativeCount_Throws() =>
        Assert.Throws<ArgumentException>(() => LatencyHistogram.ToRows("s", 0, [], "page", [(1.0, -1)]));
}
