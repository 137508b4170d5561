namespace ResumeSim.Results.Tests;

public sealed class ConfidenceIntervalsTests
{
    // Student t quantiles in closed form (hand-computable, independent of MathNet):
    // 1 degree of freedom is the Cauchy distribution, t = tan(pi (p - 1/2));
    // 2 degrees of freedom: t = (2p - 1) / sqrt(2 p (1 - p)).
    private static readonly double T975Df1 = Math.Tan(Math.PI * 0.475);
    private static readonly double T975Df2 = 0.95 / Math.Sqrt(2 * 0.975 * 0.025);

    [Fact]
    public void MeanCi95_ThreeValues_MatchesHandComputedInterval()
    {
        // mean 2, s = sqrt(((1-2)^2 + 0 + (3-2)^2) / 2) = 1, half width = t(0.975, 2) * 1 / sqrt(3).
        var (mean, sd, lo, hi) = ConfidenceIntervals.MeanCi95([1.0, 2.0, 3.0]);

        var half = T975Df2 / Math.Sqrt(3);
        Assert.Equal(2.0, mean, 12);
        Assert.Equal(1.0, sd, 12);
        Assert.Equal(2.0 - half, lo, 9);
        Assert.Equal(2.0 + half, hi, 9);
        Assert.Equal(4.302652729749464, T975Df2, 12); // the familiar table value
    }

    [Fact]
    public void MeanCi95_TwoValues_UsesCauchyQuantile()
    {
        // mean 12, s = sqrt((4 + 4) / 1) = 2.828..., half = 12.7062 * s / sqrt(2) = 12.7062 * 2.
        var (mean, sd, lo, hi) = ConfidenceIntervals.MeanCi95([10.0, 14.0]);

        Assert.Equal(12.0, mean, 12);
        Assert.Equal(Math.Sqrt(8), sd, 12);
        Assert.Equal(12.0 - 2 * T975Df1, lo, 8);
        Assert.Equal(12.0 + 2 * T975Df1, hi, 8);
    }

    [Fact]
    public void MeanCi95_FourValues_MatchesTableQuantile()
    {
        // 10, 12, 17, 21: mean 15, squared deviations 25 + 9 + 4 + 36 = 74, s = sqrt(74 / 3);
        // t(0.975, 3) = 3.182446305284263 from a t table.
        var (mean, sd, lo, hi) = ConfidenceIntervals.MeanCi95([10.0, 12.0, 17.0, 21.0]);

        var s = Math.Sqrt(74.0 / 3.0);
        Assert.Equal(15.0, mean, 12);
        Assert.Equal(s, sd, 12);
        Assert.Equal(15.0 - 3.182446305284263 * s / 2, lo, 8);
        Assert.Equal(15.0 + 3.182446305284263 * s / 2, hi, 8);
    }

    [Fact]
    public void MeanCi95_OneValue_HasZeroSpreadAndBoundsEqualToTheMean()
    {
        var (mean, sd, lo, hi) = ConfidenceIntervals.MeanCi95([7.25]);

        Assert.Equal((7.25, 0.0, 7.25, 7.25), (mean, sd, lo, hi));
    }

    [Fact]
    public void MeanCi95_IdenticalValues_HasZeroWidth()
    {
        var (mean, sd, lo, hi) = ConfidenceIntervals.MeanCi95([0.5, 0.5, 0.5]);

        Assert.Equal((0.5, 0.0, 0.5, 0.5), (mean, sd, lo, hi));
    }

    [Fact]
    public void MeanCi95_Empty_Throws() =>
        Assert.Throws<ArgumentException>(() => ConfidenceIntervals.MeanCi95([]));

    [Fact]
    public void Summarize_GroupsByStrategyAndSweepPoint_InFirstAppearanceOrder()
    {
        SummaryRow Row(string strategy, int rep, SweepCell[] sweep, long connections) =>
            SampleRuns.Summary(strategy, rep, sweep) with { Connections = connections };
        SummaryRow[] rows =
        [
            Row("b", 0, SampleRuns.Servers4, 1), Row("a", 0, SampleRuns.Servers2, 10),
            Row("b", 1, SampleRuns.Servers4, 2), Row("a", 1, SampleRuns.Servers2, 20),
            Row("b", 2, SampleRuns.Servers4, 3), Row("a", 2, SampleRuns.Servers2, 30),
        ];

        var ci = ConfidenceIntervals.Summarize(rows);

        var groups = ci.Select(r => (r.Strategy, Servers: r.Sweep[0].Value)).Distinct().ToArray();
        Assert.Equal([("b", "4"), ("a", "2")], groups);
        Assert.Equal(2 * 46, ci.Count);
        var b = ci.Single(r => r.Strategy == "b" && r.Metric == "connections");
        Assert.Equal(3, b.N);
        Assert.Equal(2.0, b.Mean, 12);
        Assert.Equal(1.0, b.StdDev, 12);
        Assert.Equal(2.0 + T975Df2 / Math.Sqrt(3), b.Ci95High, 9);
        var a = ci.Single(r => r.Strategy == "a" && r.Metric == "connections");
        Assert.Equal(20.0, a.Mean, 12);
        Assert.Equal(10.0, a.StdDev, 12);
    }

    [Fact]
    public void Summarize_MetricsAreEveryNumericSummaryColumn_InFileOrder()
    {
        using var root = new TempFolder();
        var folder = RunWriter.Write(root.Path, "q", "r", SampleRuns.Full());
        var header = File.ReadLines(Path.Combine(folder, RunFiles.Summary)).First().Split(',');

        var ci = ConfidenceIntervals.Summarize(SampleRuns.Full().Summary);

        var metrics = ci.Where(r => r.Strategy == "ids-per-server" && r.Sweep[0].Value == "2").Select(r => r.Metric);
        // After strategy, replication and the two sweep columns, up to the text columns steady_state and start.
        Assert.Equal(header.Skip(4).SkipLast(2), metrics);
        Assert.Equal(["steady_state", "start"], header[^2..]);
    }

    [Fact]
    public void Summarize_LeavesNaNOutOfTheSample()
    {
        SummaryRow[] rows =
        [
            SampleRuns.Summary("s", 0, []) with { ResumptionRateOffered = double.NaN },
            SampleRuns.Summary("s", 1, []) with { ResumptionRateOffered = 0.5 },
            SampleRuns.Summary("s", 2, []) with { ResumptionRateOffered = 0.7 },
        ];

        var ci = ConfidenceIntervals.Summarize(rows);

        var offered = ci.Single(r => r.Metric == "resumption_rate_offered");
        Assert.Equal(2, offered.N);
        Assert.Equal(0.6, offered.Mean, 12);
        var p99 = ci.Single(r => r.Metric == "queue_wait_p99_ms"); // NaN in every replication
        Assert.Equal(0, p99.N);
        Assert.True(double.IsNaN(p99.Mean) && double.IsNaN(p99.Ci95Low) && double.IsNaN(p99.Ci95High));
    }

    [Fact]
    public void Summarize_SingleReplication_GivesMeanAsBothBounds()
    {
        var ci = ConfidenceIntervals.Summarize([SampleRuns.Summary("s", 0, [])]);

        var connections = ci.Single(r => r.Metric == "connections");
        Assert.Equal((1, 1001.0, 0.0, 1001.0, 1001.0),
            (connections.N, connections.Mean, connections.StdDev, connections.Ci95Low, connections.Ci95High));
    }

    [Fact]
    public void ReadCi_ReturnsWhatSummarizeComputed()
    {
        using var root = new TempFolder();
        var output = SampleRuns.Full();
        var folder = RunWriter.Write(root.Path, "q", "r", output);

        var back = RunReader.ReadCi(folder);

        Assert.Equal(ConfidenceIntervals.Summarize(output.Summary), back);
    }
}
