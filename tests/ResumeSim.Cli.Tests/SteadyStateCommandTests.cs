using System.Globalization;

namespace ResumeSim.Cli.Tests;

/// <summary>
/// What <c>resumesim run</c> says about steady state (docs/steady-state.md), on the stale-session transient:
/// Chrome keeps a TLS 1.2 session 2 h, the shared cache forgets it after 5 min, a browser holding one opens
/// its 6 connections at once. Resumption falls for about an hour after an empty start.
/// </summary>
public sealed class SteadyStateCommandTests
{
    private const string Scenario = """
        name: stale
        seed: 4
        duration: 30m
        warmup: WARMUP
        replications: 1
        clients:
          count: 1000
          visits: {rate: 4/h}
          rtt: {fixed: 40ms}
          mix:
            - {browser: chrome, share: 1}
        pages: {hosts: 1, connections: 6, connection_wait: wait-for-first}
        farm: {servers: 2, cores: 2}
        strategies:
          - name: ids-shared
            session_ids: {store: shared, eviction: lru, capacity: 10000, timeout: 5m}
        output:
          bucket: 1m
        """;

    [Fact]
    public void Run_WrittenWarmupInsideTheTransient_WarnsWithMetricDriftAndCause()
    {
        using var temp = new TempFolder();

        var (exit, stdout, stderr) = Run(temp, "2m", "--quiet");

        Assert.Equal(0, exit);
        Assert.Contains("warning: ids-shared: the measured window still trends (warm-up 2m): resumption_rate goes from", stderr, StringComparison.Ordinal);
        Assert.Contains("likely cause: client session lifetime: chrome keeps a session 1h, the server accepts it for 5m", stderr, StringComparison.Ordinal);
        Assert.Contains("likely cause: revisit gap: clients come back every 15m on average", stderr, StringComparison.Ordinal);
        Assert.StartsWith("drifting:resumption_rate", Column(stdout, "steady_state"), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WrittenWarmupPastTheTransient_GivesNoWarning()
    {
        using var temp = new TempFolder();

        var (exit, stdout, stderr) = Run(temp, "3h", "--quiet");

        Assert.Equal(0, exit);
        Assert.DoesNotContain("warning", stderr, StringComparison.Ordinal);
        Assert.Equal("reached", Column(stdout, "steady_state"));
        Assert.Equal("10800", Column(stdout, "warmup_s"));
        Assert.Equal("NaN", Column(stdout, "warmup_mser_s"));
    }

    [Fact]
    public void Run_AutoWarmup_ReportsTheWarmupFound_AndIsByteIdenticalRunToRun()
    {
        using var temp = new TempFolder();

        var (exit, stdout, stderr) = Run(temp, "{auto: 3h}");
        var (_, again, _) = Run(temp, "{auto: 3h}", "--quiet");

        Assert.Equal(0, exit);
        Assert.DoesNotContain("warning", stderr, StringComparison.Ordinal);
        Assert.Contains("warm-up: twice the end of the transient found by MSER-5 on a 3h pilot", stdout, StringComparison.Ordinal);
        var folder = stdout.Split('\n').Single(l => l.Contains("results in", StringComparison.Ordinal)).Split("results in ")[1].Trim();
        var found = double.Parse(Column(folder, "warmup_mser_s"), CultureInfo.InvariantCulture);
        Assert.InRange(found, 1500, 5400);
        Assert.Equal(Math.Ceiling(2 * found).ToString(CultureInfo.InvariantCulture), Column(folder, "warmup_s"));
        Assert.Equal("reached", Column(folder, "steady_state"));
        foreach (var file in new[] { "summary.csv", "summary_ci.csv", "timeseries.csv", "latency.csv", "misses.csv" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(folder, file)), File.ReadAllBytes(Path.Combine(again.Trim(), file)));
        }
    }

    [Fact]
    public void Run_AutoWarmupWithTooShortAPilot_SaysSoAndByHowMuch()
    {
        using var temp = new TempFolder();

        var (exit, stdout, stderr) = Run(temp, "{auto: 40m}");

        Assert.Equal(0, exit);
        Assert.Contains("warning: ids-shared: too short to reach steady state. MSER-5 ends the transient at", stderr, StringComparison.Ordinal);
        Assert.Contains("in the second half of the 40m pilot: the pilot (and the warm-up) needs to be at least", stderr, StringComparison.Ordinal);
        Assert.Contains("(warmup: {auto: ", stderr, StringComparison.Ordinal);
        Assert.Contains("TOO SHORT", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_StationaryStart_SaysWhichStrategiesStartedEmptyAndWhy()
    {
        using var temp = new TempFolder();
        var name = Guid.NewGuid().ToString("N");
        var yaml = Scenario
            .Replace("WARMUP", "0\nstart: stationary", StringComparison.Ordinal)
            .Replace("eviction: lru", "eviction: fifo", StringComparison.Ordinal)
            .Replace("strategies:\n", "strategies:\n  - name: tickets\n    tickets: {keys: shared, keep: 30m}\n", StringComparison.Ordinal);
        var file = temp.Write($"{name}.yaml", yaml);

        var (exit, stdout, stderr) = CliRunner.Run("run", file, "--out", Path.Combine(temp.Path, name), "--quiet");

        Assert.True(exit == 0, stderr);
        Assert.Contains("note: tickets started empty, not stationary: keys erased before a ticket's lifetime ends", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("ids-shared started empty", stderr, StringComparison.Ordinal);
        var lines = File.ReadAllLines(Path.Combine(stdout.Trim(), "summary.csv"));
        var start = Array.IndexOf(lines[0].Split(','), "start");
        Assert.Equal(["empty", "stationary"], lines.Skip(1).Select(l => l.Split(',')[start]));
    }

    private static (int Exit, string Out, string Err) Run(TempFolder temp, string warmup, params string[] extra)
    {
        // Each run its own folders: run ids have a resolution of one second.
        var name = Guid.NewGuid().ToString("N");
        var file = temp.Write($"{name}.yaml", Scenario.Replace("WARMUP", warmup, StringComparison.Ordinal));
        return CliRunner.Run(["run", file, "--out", Path.Combine(temp.Path, name), .. extra]);
    }

    /// <summary>The value of <paramref name="column"/> in the first row of the run folder's summary.csv.</summary>
    private static string Column(string folder, string column)
    {
        var lines = File.ReadAllLines(Path.Combine(folder.Trim(), "summary.csv"));
        var header = lines[0].Split(',');
        return lines[1].Split(',')[Array.IndexOf(header, column)];
    }
}
