using MathNet.Numerics.Distributions;
using ResumeSim.Model.Runs;
using ResumeSim.Model.Steady;

namespace ResumeSim.Model.Tests.Steady;

/// <summary>The drift check on a measured window: first third against last third, beyond the noise and a floor.</summary>
public sealed class StationarityCheckTests
{
    [Fact]
    public void Check_StationaryWindows_NeverWarn()
    {
        // 300 seeded windows of 60 buckets: binomial resumption around 0.6, noisy CPU, a full store.
        for (var seed = 0; seed < 300; seed++)
        {
            var result = StationarityCheck.Check(Window(seed, 60, t => 0.6, t => 0.3, t => 5000), 60);

            Assert.True(result.Checked);
            Assert.Empty(result.Drifts);
        }
    }

    [Fact]
    public void Check_ResumptionStillFalling_NamesTheMetricAndTheChange()
    {
        // The stale-session transient: resumption falls from 0.62 to 0.48 across the window.
        var result = StationarityCheck.Check(Window(1, 60, t => 0.62 - (0.14 * t), t => 0.3, t => 5000), 60);

        var drift = Assert.Single(result.Drifts);
        Assert.Equal(SteadyMetric.ResumptionRate, drift.Metric);
        Assert.InRange(drift.First, 0.57, 0.62);
        Assert.InRange(drift.Last, 0.48, 0.53);
        Assert.True(drift.NoiseMultiple > 5);
    }

    [Fact]
    public void Check_StoreStillFilling_IsCaught()
    {
        var result = StationarityCheck.Check(Window(2, 60, t => 0.6, t => 0.3, t => 20_000 + (30_000 * t)), 60);

        Assert.Equal([SteadyMetric.StoreEntries], result.Drifts.Select(d => d.Metric));
    }

    [Fact]
    public void Check_SignificantButNegligibleDrift_DoesNotWarn()
    {
        // Half a percentage point of resumption over the window, on a million connections per bucket: real, but below the floor.
        var result = StationarityCheck.Check(Window(3, 60, t => 0.6 - (0.005 * t), t => 0.3, t => 5000, connections: 1_000_000), 60);

        Assert.Empty(result.Drifts);
    }

    [Fact]
    public void Check_LooksOnlyAtTheBucketsBeforeTheFirstFault()
    {
        // A restart at bucket 40 empties a store that then refills: not a warm-up problem.
        var buckets = Window(4, 60, t => 0.6, t => 0.3, t => t < 40 / 60.0 ? 5000 : 1000);

        Assert.Single(StationarityCheck.Check(buckets, 60).Drifts);
        Assert.Empty(StationarityCheck.Check(buckets, 40).Drifts);
    }

    [Fact]
    public void Check_WindowTooShortForThirdsOfFiveBatches_IsNotChecked()
    {
        Assert.False(StationarityCheck.Check(Window(5, 14, t => 0.6, t => 0.3, t => 5000), 14).Checked);
        Assert.True(StationarityCheck.Check(Window(5, 15, t => 0.6, t => 0.3, t => 5000), 15).Checked);
    }

    /// <summary>
    /// Buckets whose resumption is binomial around <paramref name="rate"/>(t), CPU normal around
    /// <paramref name="cpu"/>(t) with a 5% spread, and a store of <paramref name="store"/>(t) entries (t in [0, 1)).
    /// </summary>
    private static List<TimeBucket> Window(int seed, int buckets, Func<double, double> rate, Func<double, double> cpu, Func<double, double> store, int connections = 2000)
    {
        var random = new Random(seed);
        var list = new List<TimeBucket>();
        for (var b = 0; b < buckets; b++)
        {
            var t = b / (double)buckets;
            var resumed = Binomial.Sample(random, rate(t), connections);
            var utilization = Normal.Sample(random, cpu(t), 0.05 * cpu(t));
            list.Add(new TimeBucket(b * 10, connections / 6, connections, connections - resumed, resumed, (double)resumed / connections, utilization, 0, (long)store(t), 0, 0));
        }

        return list;
    }
}
