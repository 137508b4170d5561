using ResumeSim.Results.Report;

namespace ResumeSim.Results.Tests.Report;

public sealed class RunComparisonTests
{
    private static readonly RunManifest A = SampleRuns.Manifest() with { Seed = 1, Replications = 3 };
    private static readonly RunManifest B = SampleRuns.Manifest() with { Seed = 2, Replications = 3 };

    [Fact]
    public void ToText_SameScenario_ShowsMeansCisDifferenceAndVerdict()
    {
        CiRow[] a =
        [
            new("ids", [], "resumption_rate", 3, 0.5, 0.02, 0.45, 0.55),
            new("ids", [], "handshake_p50_ms", 3, 40, 0.4, 39, 41),
            new("ids", [], "connections", 1, 1000, 0, 1000, 1000),
            new("ids", [], "exposure_max_s", 0, double.NaN, double.NaN, double.NaN, double.NaN),
        ];
        CiRow[] b =
        [
            new("ids", [], "resumption_rate", 3, 0.7, 0.02, 0.66, 0.74),
            new("ids", [], "handshake_p50_ms", 3, 40.5, 0.4, 39.5, 41.5),
            new("ids", [], "connections", 1, 1010, 0, 1010, 1010),
            new("ids", [], "exposure_max_s", 0, double.NaN, double.NaN, double.NaN, double.NaN),
        ];

        var text = RunComparison.Of("runs/a", A, a, "runs/b", B, b).ToText();

        Assert.Equal(
            """
            A: runs/a (quickstart, seed 1, 3 replications, started 2026-11-27 08:30:15 UTC)
            B: runs/b (quickstart, seed 2, 3 replications, started 2026-11-27 08:30:15 UTC)
            Same scenario: quickstart (scenario.yaml sha256 9f86d081884c).

            strategy  metric            A mean    A 95% CI  B mean      B 95% CI   B - A  outside both CIs
            ids       resumption_rate      50%  45% .. 55%     70%    66% .. 74%  +20 pp  yes
            ids       handshake_p50_ms      40    39 .. 41    40.5  39.5 .. 41.5    +0.5  no
            ids       connections        1,000           -   1,010             -     +10  no CI (n < 2)
            ids       exposure_max_s       NaN           -     NaN             -     NaN  n/a

            """.ReplaceLineEndings("\n"),
            text);
    }

    [Theory]
    [InlineData(0.50, 0.45, 0.55, 0.70, 0.66, 0.74, CiVerdict.OutsideBoth)]
    [InlineData(0.50, 0.45, 0.55, 0.60, 0.48, 0.72, CiVerdict.WithinACi)] // B's mean outside A's interval, A's inside B's
    [InlineData(0.50, 0.40, 0.60, 0.58, 0.56, 0.60, CiVerdict.WithinACi)]
    public void Verdict_IsOutsideBoth_OnlyWhenEachMeanLiesOutsideTheOtherInterval(
        double meanA, double lowA, double highA, double meanB, double lowB, double highB, CiVerdict expected)
    {
        var row = new ComparisonRow("s", SweepCells.Empty, "m",
            new CiRow("s", [], "m", 3, meanA, 0, lowA, highA), new CiRow("s", [], "m", 3, meanB, 0, lowB, highB));

        Assert.Equal(expected, row.Verdict);
    }

    [Fact]
    public void Of_DifferentScenarios_SaysSo_AndComparesOnlyMatchingNames()
    {
        var other = B with { Scenario = "farm", ScenarioSha256 = "0123456789abcdef0123" };
        CiRow[] a = [new("ids", [], "resumption_rate", 3, 0.5, 0, 0.5, 0.5), new("tickets", [], "resumption_rate", 3, 0.9, 0, 0.9, 0.9)];
        CiRow[] b = [new("ids", [], "resumption_rate", 3, 0.4, 0, 0.4, 0.4), new("ids", [], "new_metric", 3, 1, 0, 1, 1), new("sticky", [], "resumption_rate", 3, 0.3, 0, 0.3, 0.3)];

        var comparison = RunComparison.Of("a", A, a, "b", other, b);

        Assert.False(comparison.SameScenario);
        Assert.Equal(
            [
                "Different scenarios: A is quickstart (sha256 9f86d081884c), B is farm (sha256 0123456789ab); only strategies, sweep points and metrics with the same names in both are compared.",
                "Only in A: strategy tickets.",
                "Only in B: strategy sticky.",
                "Metrics only in B: new_metric.",
            ],
            comparison.Notes);
        var row = Assert.Single(comparison.Rows);
        Assert.Equal(("ids", "resumption_rate"), (row.Strategy, row.Metric));
        Assert.Equal(-0.1, row.Difference, 12);
    }

    [Fact]
    public void Of_SweepPoints_MatchByKeyAndValue()
    {
        SweepCell[] two = [new("farm.servers", "2")];
        SweepCell[] four = [new("farm.servers", "4")];
        CiRow[] a = [new("ids", two, "full", 2, 10, 1, 1, 19), new("ids", four, "full", 2, 20, 1, 11, 29)];
        CiRow[] b = [new("ids", four, "full", 2, 25, 1, 16, 34)];

        var comparison = RunComparison.Of("a", A, a, "b", B, b);

        var row = Assert.Single(comparison.Rows);
        Assert.Equal("farm.servers=4", row.Sweep.ToString());
        Assert.Contains("Only in A: strategy ids at farm.servers=2.", comparison.Notes);
    }
}
