using ResumeSim.Cli;
using ResumeSim.Results;

namespace ResumeSim.Charts.Tests;

/// <summary><c>resumesim plot</c> and the charts of <c>resumesim run</c>, end to end through <see cref="CliApp.Run(string[], TextWriter, TextWriter)"/>.</summary>
public sealed class PlotCommandTests
{
    private static (int Exit, string Out, string Err) Cli(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CliApp.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static string WriteRun(TempFolder temp, RunOutput? run = null) =>
        RunWriter.Write(temp.Path, "charts-test", "r1", run ?? SampleRun.ServersSweep());

    [Fact]
    public void Plot_RunFolder_DrawsEveryChartIntoCharts_AndLeavesNoTempFolder()
    {
        using var temp = new TempFolder();
        var folder = WriteRun(temp);

        var (exit, stdout, stderr) = Cli("plot", folder);

        Assert.True(exit == 0, stderr);
        var files = Directory.GetFiles(Path.Combine(folder, "charts")).Select(f => Path.GetFileName(f)).Order().ToList();
        Assert.Equal(RunCharts.Names.SelectMany(n => new[] { n + ".png", n + ".svg" }).Order().ToList(), files);
        Assert.Contains($"{2 * RunCharts.Names.Count} chart file(s)", stdout);
        Assert.DoesNotContain(Directory.GetDirectories(folder), d => Path.GetFileName(d).StartsWith('.'));
    }

    [Fact]
    public void Plot_ChartsAndFormat_DrawOnlyThose_AndReplaceEarlierCharts()
    {
        using var temp = new TempFolder();
        var folder = WriteRun(temp);
        Assert.Equal(0, Cli("plot", folder).Exit);

        var (exit, _, stderr) = Cli("plot", folder, "--charts", "cpu, latency-cdf", "--format", "svg");

        Assert.True(exit == 0, stderr);
        Assert.Equal(["cpu.svg", "latency-cdf.svg"], Directory.GetFiles(Path.Combine(folder, "charts")).Select(f => Path.GetFileName(f)).Order());
        Assert.Equal([Path.Combine(folder, "charts")], Directory.GetDirectories(folder));
    }

    [Fact]
    public void Plot_UnknownChart_ExitsTwo_ListingValidNames_AndDrawsNothing()
    {
        using var temp = new TempFolder();
        var folder = WriteRun(temp);

        var (exit, _, stderr) = Cli("plot", folder, "--charts", "cpu,pie");

        Assert.Equal(2, exit);
        Assert.Contains("'pie'", stderr);
        Assert.Contains(string.Join(", ", RunCharts.Names), stderr);
        Assert.False(Directory.Exists(Path.Combine(folder, "charts")));
    }

    [Fact]
    public void Plot_BadFormat_ExitsTwo()
    {
        using var temp = new TempFolder();

        var (exit, _, stderr) = Cli("plot", WriteRun(temp), "--format", "gif");

        Assert.Equal(2, exit);
        Assert.Contains("gif", stderr);
    }

    [Fact]
    public void Plot_MissingFolder_ExitsTwo_NamingIt()
    {
        using var temp = new TempFolder();
        var missing = temp.Sub("no-such-run");

        var (exit, _, stderr) = Cli("plot", missing);

        Assert.Equal(2, exit);
        Assert.Contains(missing, stderr);
    }

    [Fact]
    public void Plot_FolderWithoutRunJson_ExitsTwo_SayingItIsNotARun()
    {
        using var temp = new TempFolder();

        var (exit, _, stderr) = Cli("plot", temp.Path);

        Assert.Equal(2, exit);
        Assert.Contains("run.json", stderr);
    }

    [Fact]
    public void Plot_MalformedTable_ExitsTwo_NamingTheFileAndLine()
    {
        using var temp = new TempFolder();
        var folder = WriteRun(temp);
        var summary = Path.Combine(folder, "summary.csv");
        var lines = File.ReadAllLines(summary);
        lines[2] = lines[2].Replace(",10000,", ",10x00,", StringComparison.Ordinal);
        File.WriteAllLines(summary, lines);

        var (exit, _, stderr) = Cli("plot", folder);

        Assert.Equal(2, exit);
        Assert.Contains("summary.csv, line 3", stderr);
        Assert.False(Directory.Exists(Path.Combine(folder, "charts")));
    }

    [Fact]
    public void Plot_RunWithoutLatency_SaysWhichChartsWereNotDrawn()
    {
        using var temp = new TempFolder();
        var folder = WriteRun(temp, SampleRun.Build([[]], latency: false));

        var (exit, stdout, stderr) = Cli("plot", folder);

        Assert.True(exit == 0, stderr);
        Assert.Contains("chart 'latency-cdf' not drawn: latency.csv has no 'handshake' samples", stdout);
        Assert.Contains("chart 'page-cdf' not drawn", stdout);
    }

    [Fact]
    public void Run_DrawsTheScenariosCharts_InsideTheFinishedRunFolder()
    {
        using var temp = new TempFolder();
        var scenario = Path.Combine(temp.Path, "tiny.yaml");
        File.WriteAllText(scenario, """
            name: charts-run
            seed: 5
            duration: 2m
            warmup: 30s
            replications: 2
            clients: {count: 200, visits: {rate: 30/h}}
            farm: {servers: 2, cores: 1}
            strategies:
              - name: ids
                session_ids: {preset: nginx, capacity: 100KB}
              - name: off
                resumption: off
            output:
              bucket: 10s
              charts: [resumption, cpu]
            """);

        var (exit, stdout, stderr) = Cli("run", scenario, "--out", temp.Sub("out"), "--quiet");

        Assert.True(exit == 0, stderr);
        var folder = stdout.Trim();
        Assert.True(File.Exists(Path.Combine(folder, "run.json")));
        Assert.Equal(["cpu.png", "cpu.svg", "resumption.png", "resumption.svg"], Directory.GetFiles(Path.Combine(folder, "charts")).Select(f => Path.GetFileName(f)).Order());
        Assert.Contains("Farm CPU utilization over time", ChartFiles.SvgTexts(Path.Combine(folder, "charts", "cpu.svg")));
    }
}
