using ResumeSim.Results;
using ResumeSim.Scenarios;

namespace ResumeSim.Cli.Tests.Console;

public sealed class SummaryTableTests
{
    private const string Scenario = """
        name: t
        duration: 4m
        warmup: 1m
        replications: 2
        clients: {count: 100, visits: {rate: 20/h}}
        farm: {servers: 1}
        strategies:
          - {name: ids, session_ids: {capacity: 100KB}}
          - {name: off, resumption: off}
        """;

    [Fact]
    public void Write_NoSweep_ShowsOfferedRateAndFractionalCoresBesideTheirNeighbours()
    {
        var plan = ScenarioLoader.Parse(Scenario, "t.yaml");
        var output = new StringWriter();

        SummaryTable.Write(output, plan, [Row("ids", 1, 0.40, 0.50), Row("ids", 2, 0.50, 0.60), Row("off", 1, 0, 0), Row("off", 2, 0, 0)]);

        var lines = output.ToString().Split('\n');
        Assert.Contains("│ strategy │ conns │ resumed │ of offered │ hs p50 ms │ hs p99 ms │ page p99 ms │ cpu s │ hs cpu │ cpu mean │ cpu peak │      cores │ store peak │ tk rejected │ warm-up │", lines);
        Assert.Contains("│      ids │ 1,000 │   45.0% │      55.0% │      80.0 │     200.0 │       300.0 │ 0.500 │  50.0% │   0.018% │  <0.001% │ 0.0412 (1) │    1.0 KiB │           0 │   1 min │", lines);
        Assert.Contains("│      off │ 1,000 │      0% │         0% │      80.0 │     200.0 │       300.0 │ 0.500 │  50.0% │   0.018% │  <0.001% │ 0.0412 (1) │    1.0 KiB │           0 │   1 min │", lines);
        Assert.Contains("resumed: of all connections; of offered: of those that offered a session. cores: needed per server, unrounded (rounded up).", lines);
    }

    [Fact]
    public void Write_Sweep_PivotsOneMetric_SweepPointsByStrategies_Within120Columns()
    {
        var plan = ScenarioLoader.Parse(Scenario + "\nsweep:\n  farm.servers: [1, 2]\n", "t.yaml");
        var output = new StringWriter();
        SummaryRow[] rows =
        [
            Row("ids", 1, 0.40, 0.5) with { Sweep = [new("farm.servers", "1")] },
            Row("ids", 2, 0.50, 0.5) with { Sweep = [new("farm.servers", "1")] },
            Row("off", 1, 0, 0) with { Sweep = [new("farm.servers", "1")] },
            Row("off", 2, 0, 0) with { Sweep = [new("farm.servers", "1")] },
            Row("ids", 1, 0.30, 0.5) with { Sweep = [new("farm.servers", "2")] },
            Row("ids", 2, 0.30, 0.5) with { Sweep = [new("farm.servers", "2")] },
            Row("off", 1, 0, 0) with { Sweep = [new("farm.servers", "2")] },
            Row("off", 2, 0, 0) with { Sweep = [new("farm.servers", "2")] },
        ];

        SummaryTable.Write(output, plan, rows, "resumption_rate");

        var expected = """
            t: resumption_rate by sweep point and strategy, means over 2 replication(s) ± the 95% interval's half-width
            ┌──────────────┬──────────────┬─────┐
            │ farm.servers │          ids │ off │
            ├──────────────┼──────────────┼─────┤
            │ 1            │ 45.0% ±63.5% │  0% │
            │ 2            │        30.0% │  0% │
            └──────────────┴──────────────┴─────┘
            other metrics: --metric NAME (a summary.csv column); every metric and interval is in summary.csv and summary_ci.csv.

            """;
        Assert.Equal(expected.ReplaceLineEndings("\n"), output.ToString().ReplaceLineEndings("\n"));
        Assert.All(output.ToString().Split('\n'), line => Assert.True(line.Length <= 120, line));
    }

    [Fact]
    public void Write_SweepWithOtherMetric_FormatsItInItsUnit()
    {
        var plan = ScenarioLoader.Parse(Scenario + "\nsweep:\n  farm.servers: [1]\n", "t.yaml");
        var output = new StringWriter();

        SummaryTable.Write(output, plan, [Row("ids", 1, 0.4, 0.5) with { Sweep = [new("farm.servers", "1")] }, Row("off", 1, 0, 0) with { Sweep = [new("farm.servers", "1")] }], "cpu_util_peak");

        Assert.Contains("│ 1            │ <0.001% │ <0.001% │", output.ToString().Split('\n'));
    }

    private static SummaryRow Row(string strategy, int replication, double rate, double offered) =>
        new(strategy, replication, Connections: 1000, Offered: 800, Full: 600, ResumedId: 400, ResumedTicket: 0, ResumedPsk: 0, ZeroRtt: 0,
            ResumptionRate: rate, ResumptionRateOffered: offered, HandshakeP50Ms: 80, HandshakeP90Ms: 150, HandshakeP99Ms: 200, HandshakeP999Ms: 250,
            PageP50Ms: 100, PageP90Ms: 200, PageP99Ms: 300, PageP999Ms: 400, Pages: 500, CpuCoreSeconds: 0.5, CpuUtilMean: 0.00018,
            CpuUtilPeak: 0.000004, CoresNeeded: 1, QueueWaitMeanMs: 0, QueueWaitP99Ms: 0, StorePeakEntries: 10, StorePeakBytes: 1024,
            Evictions: 0, Expirations: 0, TicketsIssued: 0, TicketsRejected: 0, TicketsRenewed: 0, HandshakeBytes: 0, ExposureMaxS: 0, ExposureMeanS: 0)
        {
            CpuHandshakeShare = 0.5,
            CoresNeededFractional = 0.0412,
            WarmupS = 60,
            SteadyState = "reached",
        };
}
