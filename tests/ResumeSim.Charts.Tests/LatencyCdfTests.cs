using ResumeSim.Charts.Drawing;
using ResumeSim.Results;

namespace ResumeSim.Charts.Tests;

public sealed class LatencyCdfTests
{
    [Fact]
    public void Merge_SumsCountsOfEqualBoundsAcrossReplications()
    {
        var rows = LatencyHistogram.ToRows("a", 0, [], "handshake", [(10, 1), (20, 1), (40, 0)])
            .Concat(LatencyHistogram.ToRows("a", 1, [], "handshake", [(10, 0), (20, 2), (40, 4)]));

        var cdf = LatencyCdf.Merge(rows);

        // 1 + 0 = 1 sample at <= 10 ms, 3 at <= 20, 4 at <= 40: weighted by samples, not by replication.
        Assert.Equal([(10.0, 1.0 / 8), (20.0, 4.0 / 8), (40.0, 1.0)], cdf);
    }

    [Fact]
    public void Merge_TrimsEmptyBuckets_KeepingTheBoundBeforeTheFirstSampleAsZero()
    {
        var rows = LatencyHistogram.ToRows("a", 0, [], "page", [(1, 0), (2, 0), (4, 3), (8, 1), (16, 0), (32, 0)]);

        var cdf = LatencyCdf.Merge(rows);

        Assert.Equal([(2.0, 0.0), (4.0, 0.75), (8.0, 1.0)], cdf);
    }

    [Fact]
    public void Merge_NoSamples_IsEmpty()
    {
        Assert.Empty(LatencyCdf.Merge(LatencyHistogram.ToRows("a", 0, [], "page", [(1, 0), (2, 0)])));
        Assert.Empty(LatencyCdf.Merge([]));
    }
}
