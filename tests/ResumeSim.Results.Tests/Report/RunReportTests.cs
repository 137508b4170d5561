using ResumeSim.Results.Report;

namespace ResumeSim.Results.Tests.Report;

public sealed class RunReportTests
{
    [Fact]
    public void Render_HeadlineCells_AreTheMeansOfSummaryCsv()
    {
        using var temp = new TempFolder();
        var folder = RunWriter.Write(temp.Path, "quickstart", "r1", SampleRuns.Full());
        var run = ReportRun.Load(folder);
        var summary = run.Output.Summary;

        var html = RunReport.Render([run]);

        foreach (var table in new[] { "resumption", "latency", "cpu", "memory" })
        {
            var cells = ReportHtml.Cells(html, table);
            Assert.NotEmpty(cells);
            foreach (var ((strategy, sweep, _, metric), shown) in cells)
            {
                var rows = summary.Where(r => r.Strategy == strategy && SweepCells.From(r.Sweep).ToString() == sweep).ToList();
                Assert.Equal(2, rows.Count);
                var values = rows.Select(r => Column(r, metric)).Where(v => !double.IsNaN(v)).ToList();
                var expected = values.Count == 0 ? double.NaN : values.Average();
                Assert.Equal(expected, shown, 12);
            }
        }
    }

    [Fact]
    public void Render_ReplicationTable_HoldsSummaryCsvValuesExactly()
    {
        using var temp = new TempFolder();
        var folder = RunWriter.Write(temp.Path, "quickstart", "r1", SampleRuns.Full());
        var csv = File.ReadAllLines(Path.Combine(folder, "summary.csv"));
        var header = csv[0].Split(',');

        var cells = ReportHtml.Cells(RunReport.Render([ReportRun.Load(folder)]), "summary");

        // Row 2 of summary.csv: strategy "ids-per-server", replication 0, farm.servers=2, clients.count=1000 (no quoted fields).
        var fields = csv[1].Split(',');
        foreach (var metric in new[] { "connections", "resumption_rate", "handshake_p999_ms", "cpu_core_seconds", "store_peak_bytes", "cores_needed_fractional", "queue_wait_p99_ms" })
        {
            var expected = double.Parse(fields[Array.IndexOf(header, metric)], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(expected, cells[("ids-per-server", "farm.servers=2, clients.count=1000", "0", metric)]);
        }

        Assert.Equal(8, cells.Select(c => (c.Key.Strategy, c.Key.Sweep, c.Key.Replication)).Distinct().Count());
    }

    [Fact]
    public void Render_MissesTable_IsMeansOverReplications()
    {
        var html = RunReport.Render([ReportRun.FromOutput("r1", SampleRuns.Full())]);

        var misses = ReportHtml.Cells(html, "misses");
        Assert.Equal(17.5, misses[("ids-per-server", "farm.servers=4, clients.count=1000", null, "unknown-id")]);
        Assert.Equal(3, misses[("ids-per-server", "farm.servers=4, clients.count=1000", null, "not-offered")]);
    }

    [Fact]
    public void Render_ServerTable_ReadsServersCsv_WhenTheRunHasIt()
    {
        var html = RunReport.Render([ReportRun.FromOutput("r1", SampleRuns.Full())]);

        var servers = ReportHtml.Cells(html, "servers");
        const string Sweep = "farm.servers=2, clients.count=1000";
        Assert.Equal(0.2, servers[("ids-per-server", Sweep, null, "server_1_cpu_util_mean")], 12);
        Assert.Equal(1.0 / 3, servers[("ids-per-server", Sweep, null, "server_2_cpu_util_mean")], 12);
        Assert.False(servers.ContainsKey(("ids-per-server", Sweep, null, "server_3_cpu_util_mean")));
        Assert.Equal(1.0 / 3, servers[("ids-per-server", Sweep, null, "server_cpu_util_peak")], 12);
        Assert.Contains("servers.csv, column cpu_util.", html);
    }

    [Fact]
    public void Render_ServerTable_SplitsCpuUtilByServer_WhenTheRunHasNoServersCsv()
    {
        var full = SampleRuns.Full();
        var older = new RunOutput
        {
            ScenarioYaml = full.ScenarioYaml,
            Manifest = full.Manifest,
            Summary = full.Summary,
            Misses = full.Misses,
            Timeseries = full.Timeseries,
            Latency = full.Latency,
        };

        var html = RunReport.Render([ReportRun.FromOutput("r1", older)]);

        var servers = ReportHtml.Cells(html, "servers");
        const string Sweep = "farm.servers=2, clients.count=1000";
        Assert.Equal(0.2, servers[("ids-per-server", Sweep, null, "server_1_cpu_util_mean")], 12);
        Assert.Equal(0.31, servers[("ids-per-server", Sweep, null, "server_2_cpu_util_mean")], 12);
        Assert.Equal(1.0 / 3, servers[("ids-per-server", Sweep, null, "server_3_cpu_util_mean")], 12);
        Assert.Contains("timeseries.csv, column cpu_util_by_server", html);
    }

    [Fact]
    public void Render_IsSelfContained_AndEscapesEverythingFromTheRun()
    {
        var output = SampleRuns.Full();
        var run = ReportRun.FromOutput("r1", new RunOutput
        {
            ScenarioYaml = "name: quickstart\n# <script>alert(1)</script> & \"quotes\"\n",
            Manifest = output.Manifest,
            Summary = output.Summary,
            Misses = output.Misses,
            Timeseries = output.Timeseries,
            Latency = output.Latency,
        });

        var html = RunReport.Render([run]);

        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain(" src=", html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("# &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;", html);
        Assert.Contains("data-strategy=\"tickets, &quot;shared&quot; key\"", html);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<script>"));
        Assert.Contains("<svg", html);
        Assert.Contains("Content-Security-Policy", html);
    }

    [Fact]
    public void Render_TwoRunsOfOneScenario_ComparesThem()
    {
        var a = ReportRun.FromOutput("a", SampleRuns.Full());
        var b = ReportRun.FromOutput("b", SampleRuns.Full());

        var html = RunReport.Render([a, b]);

        Assert.Contains("<section id=\"compare\">", html);
        Assert.Contains("Same scenario: quickstart", html);
        Assert.Contains("id=\"run1\"", html);
        Assert.Contains("id=\"run2\"", html);
    }

    [Fact]
    public void Render_OneRun_HasNoComparison()
    {
        var html = RunReport.Render([ReportRun.FromOutput("a", SampleRuns.Full())]);

        Assert.DoesNotContain("id=\"compare\"", html);
    }

    [Fact]
    public void Write_ReplacesTheFileWhole_AndLeavesNoTemporaryFile()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "report.html");
        File.WriteAllText(path, "old");

        RunReport.Write(path, [ReportRun.FromOutput("a", SampleRuns.Full())]);

        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(path));
        Assert.EndsWith("</html>\n", File.ReadAllText(path));
        Assert.Equal(["report.html"], temp.Entries());
    }

    [Fact]
    public void Write_IntoAMissingFolder_Throws_AndWritesNothing()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "missing", "report.html");

        Assert.ThrowsAny<IOException>(() => RunReport.Write(path, [ReportRun.FromOutput("a", SampleRuns.Full())]));
        Assert.Empty(temp.Entries());
    }

    private static double Column(SummaryRow row, string metric) =>
        ConfidenceIntervals.Summarize([row]).Single(c => c.Metric == metric).Mean;
}
