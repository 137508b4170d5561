namespace ResumeSim.Cli.Tests;

public sealed class RunCommandTests
{
    private static readonly string[] TableFiles = ["summary.csv", "summary_ci.csv", "misses.csv", "timeseries.csv", "servers.csv", "latency.csv"];

    [Fact]
    public void Run_WritesEveryResultFile_IntoOneRunFolder()
    {
        using var temp = new TempFolder();
        var scenario = temp.Write("small.yaml", SmallScenario.Yaml);
        var outDir = Path.Combine(temp.Path, "out");

        var (exit, stdout, stderr) = CliRunner.Run("run", scenario, "--out", outDir, "--quiet");

        Assert.True(exit == 0, stderr);
        var folder = stdout.Trim();
        Assert.Equal(Path.Combine(outDir, "cli-small"), Path.GetDirectoryName(folder));
        foreach (var name in TableFiles.Append("run.json").Append("scenario.yaml"))
        {
            Assert.True(File.Exists(Path.Combine(folder, name)), $"{name} missing");
        }

        var summary = File.ReadAllLines(Path.Combine(folder, "summary.csv"));
        Assert.Equal(1 + (3 * 2), summary.Length);
        Assert.StartsWith("strategy,replication,connections,", summary[0]);
    }

    [Fact]
    public void Run_NoCharts_WritesTablesAndReport_ButNoCharts_AndTheSameTables()
    {
        using var temp = new TempFolder();
        var scenario = temp.Write("small.yaml", SmallScenario.Yaml);

        var drawn = RunInto(temp, scenario, "a", "--replications", "1");
        var bare = RunInto(temp, scenario, "b", "--replications", "1", "--no-charts");

        Assert.True(Directory.Exists(Path.Combine(drawn, "charts")));
        Assert.False(Directory.Exists(Path.Combine(bare, "charts")));
        Assert.True(File.Exists(Path.Combine(bare, "report.html")));
        foreach (var name in TableFiles)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(drawn, name)), File.ReadAllBytes(Path.Combine(bare, name)));
        }
    }

    [Fact]
    public void Run_SameScenarioAndSeed_GivesByteIdenticalTables_WhateverTheThreadCount()
    {
        using var temp = new TempFolder();
        var scenario = temp.Write("small.yaml", SmallScenario.Yaml);

        var first = RunInto(temp, scenario, "a", "--threads", "1");
        var second = RunInto(temp, scenario, "b", "--threads", "1");
        var parallel = RunInto(temp, scenario, "c", "--threads", "2");

        foreach (var name in TableFiles)
        {
            var expected = File.ReadAllBytes(Path.Combine(first, name));
            Assert.Equal(expected, File.ReadAllBytes(Path.Combine(second, name)));
            Assert.Equal(expected, File.ReadAllBytes(Path.Combine(parallel, name)));
        }
    }

    [Fact]
    public void Run_OtherSeed_GivesOtherResults()
    {
        using var temp = new TempFolder();
        var scenario = temp.Write("small.yaml", SmallScenario.Yaml);

        var first = RunInto(temp, scenario, "a");
        var other = RunInto(temp, scenario, "b", "--seed", "99");

        Assert.NotEqual(File.ReadAllBytes(Path.Combine(first, "summary.csv")), File.ReadAllBytes(Path.Combine(other, "summary.csv")));
    }

    [Fact]
    public void Run_WritesServersCsv_OneRowPerServerAndBucket_MatchingCpuUtilByServer()
    {
        using var temp = new TempFolder();
        var scenario = temp.Write("small.yaml", SmallScenario.Yaml);

        var folder = RunInto(temp, scenario, "a", "--replications", "1");

        var run = ResumeSim.Results.RunReader.Read(folder);
        Assert.Equal("strategy,replication,t_s,server,cpu_util,handshakes_full,handshakes_resumed,service_mean_ms", File.ReadLines(Path.Combine(folder, "servers.csv")).First());
        Assert.Equal(run.Timeseries.Count * 2, run.Servers.Count);
        foreach (var bucket in run.Timeseries)
        {
            var servers = run.Servers.Where(s => s.Strategy == bucket.Strategy && s.TimeS == bucket.TimeS).OrderBy(s => s.Server).ToList();
            Assert.Equal(bucket.CpuUtilByServer, servers.Select(s => s.CpuUtil));
            Assert.Equal(bucket.Full, servers.Sum(s => s.HandshakesFull));
            Assert.Equal(bucket.Resumed, servers.Sum(s => s.HandshakesResumed));
        }

        Assert.Contains(run.Servers, s => s.Server == 2 && s.HandshakesResumed > 0);
    }

    [Fact]
    public void Run_UnknownMetric_ExitsTwo_AndListsTheMetrics()
    {
        using var temp = new TempFolder();
        var scenario = temp.Write("small.yaml", SmallScenario.Yaml);

        var (exit, _, stderr) = CliRunner.Run("run", scenario, "--out", Path.Combine(temp.Path, "out"), "--metric", "resumed");

        Assert.Equal(2, exit);
        Assert.Contains("--metric: 'resumed' is not a summary.csv metric; one of: connections, offered, full,", stderr);
    }

    [Fact]
    public void Run_PrintsASummaryTable_WhenNotQuiet()
    {
        using var temp = new TempFolder();
        var scenario = temp.Write("small.yaml", SmallScenario.Yaml);

        var (exit, stdout, stderr) = CliRunner.Run("run", scenario, "--out", Path.Combine(temp.Path, "out"), "--replications", "1");

        Assert.True(exit == 0, stderr);
        Assert.Contains("tickets", stdout);
        Assert.Contains("resumed", stdout);
        Assert.Contains("results in", stdout);
    }

    [Theory]
    [InlineData("name: x\nduration: 5m\nclients: {count: 10, visits: {rate: 4/h}, colour: red}\nstrategies: [{name: a, resumption: off}]\n", ":3:")]
    [InlineData("name: x\nduration: 5q\nclients: {count: 10, visits: {rate: 4/h}}\nstrategies: [{name: a, resumption: off}]\n", ":2:")]
    [InlineData("name: x\nduration: 5m\nclients: {count: 10, visits: {rate: 4/h}\n", ":")]
    public void Run_BadScenario_ExitsTwo_NamesFileAndLine_AndWritesNothing(string yaml, string lineMarker)
    {
        using var temp = new TempFolder();
        var scenario = temp.Write("bad.yaml", yaml);
        var outDir = Path.Combine(temp.Path, "out");

        var (exit, _, stderr) = CliRunner.Run("run", scenario, "--out", outDir);

        Assert.Equal(2, exit);
        Assert.Contains("bad.yaml" + lineMarker, stderr);
        Assert.False(Directory.Exists(outDir));
    }

    [Theory]
    [InlineData("connection: -5us\n", "costs.yaml:2:13: connection: '-5us' is negative")]
    [InlineData("connection: 2s\n", "costs.yaml:2:13: connection: '2s' is more than a second")]
    [InlineData("connection: 50us\nkey_exchange: {x448: 1us}\n", "costs.yaml:3:16: 'x448' is not a key of key_exchange")]
    public void Run_BadCostProfile_ExitsTwo_NamesTheProfilesLineAndColumn(string lines, string expected)
    {
        using var temp = new TempFolder();
        temp.Write("costs.yaml", "name: bad\n" + lines + "handshakes:\n  tls12:\n    ecdsa-p256: {full: 600us, resumed: 300us}\n");
        var scenario = temp.Write("s.yaml", SmallScenario.Yaml.Replace("output:", "costs: costs.yaml\noutput:", StringComparison.Ordinal));
        var outDir = Path.Combine(temp.Path, "out");

        var (exit, _, stderr) = CliRunner.Run("run", scenario, "--out", outDir);

        Assert.Equal(2, exit);
        Assert.Contains(expected, stderr);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Run_CostProfileWithoutConnection_NotesTheDefaultBaseItCharges()
    {
        using var temp = new TempFolder();
        temp.Write("costs.yaml", "name: old\nhandshakes:\n  tls12:\n    ecdsa-p256: {full: 600us, resumed: 300us}\n");
        var scenario = temp.Write("s.yaml", SmallScenario.Yaml.Replace("output:", "costs: costs.yaml\noutput:", StringComparison.Ordinal));

        var (exit, _, stderr) = CliRunner.Run("run", scenario, "--out", Path.Combine(temp.Path, "out"), "--quiet", "--replications", "1");

        Assert.True(exit == 0, stderr);
        Assert.Contains("note: ", stderr);
        Assert.Contains("costs.yaml: no 'connection'", stderr);
    }

    [Fact]
    public void Run_MissingFile_ExitsTwo()
    {
        using var temp = new TempFolder();

        var (exit, _, stderr) = CliRunner.Run("run", Path.Combine(temp.Path, "nope.yaml"), "--out", temp.Path);

        Assert.Equal(2, exit);
        Assert.Contains("nope.yaml", stderr);
    }

    private static string RunInto(TempFolder temp, string scenario, string outName, params string[] extra)
    {
        var (exit, stdout, stderr) = CliRunner.Run(["run", scenario, "--out", Path.Combine(temp.Path, outName), "--quiet", .. extra]);
        Assert.True(exit == 0, stderr);
        return stdout.Trim();
    }
}
