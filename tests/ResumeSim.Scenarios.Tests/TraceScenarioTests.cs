namespace ResumeSim.Scenarios.Tests;

public sealed class TraceScenarioTests : IDisposable
{
    private const string WithTrace = """
        name: t
        duration: 10m
        clients:
          trace: traces/visits.csv
          rtt: {fixed: 20ms}
        strategies:
          - name: none
            resumption: off
        """;

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("resumesim-trace-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void Load_TraceRelativeToTheScenario_GivesClientsFromTheTraceAndRttFromTheScenario()
    {
        Write("traces/visits.csv", "time_s,client,host\n0,a,www\n1,b,api\n2,a,www\n3,c,www\n");
        var scenario = Write("s.yaml", WithTrace);

        var clients = ScenarioLoader.Load(scenario).Base.Clients;

        Assert.NotNull(clients.Trace);
        Assert.Equal(3, clients.Count);
        Assert.Equal(2, clients.Trace.HostCount);
        Assert.Equal(TimeSpan.FromMilliseconds(20), clients.Rtt.Median);
    }

    [Fact]
    public void Load_TraceWithoutWarmup_ReplaysFromTheFirstRow()
    {
        // A recorded history has no warm-up to find: without the key it gets 0, not warmup: auto.
        Write("traces/visits.csv", "time_s,client,host\n0,a,www\n");

        var config = ScenarioLoader.Load(Write("s.yaml", WithTrace)).Base;

        Assert.Null(config.AutoWarmup);
        Assert.Equal(TimeSpan.Zero, config.Warmup);
    }

    [Fact]
    public void Load_BadTraceRow_ReportsTheTraceFileLineAndTheScenarioKey()
    {
        var trace = Write("traces/visits.csv", "time_s,client,host\n0,a,www\nsoon,b,www\n");
        var scenario = Write("s.yaml", WithTrace);

        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(scenario));

        Assert.Contains(e.Errors, x => x.File == trace && (x.Line, x.Column) == (3, 1) && x.Message.Contains("time_s 'soon' is not a time", StringComparison.Ordinal));
        Assert.Contains(e.Errors, x => x.File == scenario && (x.Line, x.Column) == (4, 10) && x.Message.Contains("has errors", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_MissingTrace_IsReportedAtTheTraceKey()
    {
        var scenario = Write("s.yaml", WithTrace);

        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(scenario));

        var error = Assert.Single(e.Errors);
        Assert.Equal((scenario, 4, 10), (error.File, error.Line, error.Column));
        Assert.Contains("trace file 'traces/visits.csv' not found", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  count: 5\n", "clients.count cannot be used with clients.trace")]
    [InlineData("  visits: {rate: 1/h}\n", "clients.visits cannot be used with clients.trace")]
    [InlineData("  popularity: uniform\n", "clients.popularity cannot be used with clients.trace")]
    [InlineData("  churn: 0.1\n", "clients.churn cannot be used with clients.trace")]
    [InlineData("  mobile: {share: 0.5, changes: 1/h}\n", "clients.mobile cannot be used with clients.trace")]
    public void Load_TraceWithAKeyItReplaces_IsAnError(string line, string fragment)
    {
        Write("traces/visits.csv", "time_s,client,host\n0,a,www\n");
        var scenario = Write("s.yaml", WithTrace.Replace("  rtt:", line + "  rtt:", StringComparison.Ordinal));

        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(scenario));

        var error = Assert.Single(e.Errors);
        Assert.Equal((5, 3), (error.Line, error.Column));
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TraceWithPagesHosts_IsAnError()
    {
        Write("traces/visits.csv", "time_s,client,host\n0,a,www\n");
        var scenario = Write("s.yaml", WithTrace + "\npages: {hosts: 2, connections: 6}");

        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(scenario));

        Assert.Contains("pages.hosts cannot be used with clients.trace", Assert.Single(e.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TraceWithASurge_IsAnErrorAtTheSurge()
    {
        Write("traces/visits.csv", "time_s,client,host\n0,a,www\n");
        var scenario = Write("s.yaml", WithTrace + "\nfaults:\n  - {at: 1s, restart: server-1}\n  - {at: 2s, surge: 2, for: 1s}");

        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(scenario));

        var error = Assert.Single(e.Errors);
        Assert.Contains("a surge cannot be used with clients.trace", error.Message, StringComparison.Ordinal);
        Assert.Equal(WithTrace.Split('\n').Length + 3, error.Line);
    }

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_dir.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
