using ResumeSim.Scenarios;

namespace ResumeSim.Cli.Tests.Console;

public sealed class WarmupShortfallTests
{
    private static ScenarioPlan Plan(string warmup, string clients, string strategy) => ScenarioLoader.Parse(
        $"name: t\nduration: 10m\nwarmup: {warmup}\nclients: {clients}\nstrategies:\n  - {strategy}\n", "t.yaml");

    [Fact]
    public void Find_WarmupShorterThanSessionTimeout_SaysHowMuchOfTheWindowIsStillWarming()
    {
        var plan = Plan("2m", "{count: 100, visits: {rate: 60/h}}", "{name: ids, session_ids: {capacity: 100KB, timeout: 5m}}");

        var shortfall = WarmupShortfall.Find(plan.Base, plan.Base.Strategies[0]);

        Assert.NotNull(shortfall);
        Assert.Equal(
            "the written warm-up (2m) is shorter than the session timeout (5m), so the first 3m of the 10m measured window (30%) "
            + "is still warming up; warm up for 5m or more, or use warmup: auto",
            shortfall.Describe());
    }

    [Fact]
    public void Find_WarmupShorterThanBusiestClientsRevisitGap_NamesBothScales()
    {
        // Uniform clients visiting 4 times an hour: even the busiest comes back only every 15 minutes.
        var plan = Plan("1m", "{count: 100, visits: {rate: 4/h}}", "{name: ids, session_ids: {capacity: 100KB, timeout: 5m}}");

        var shortfall = WarmupShortfall.Find(plan.Base, plan.Base.Strategies[0]);

        Assert.NotNull(shortfall);
        Assert.Equal(
            "the written warm-up (1m) is shorter than the session timeout (5m) and the busiest client's revisit gap (15m), so the first 10m "
            + "of the 10m measured window (100%) is still warming up; warm up for 15m or more, or use warmup: auto",
            shortfall.Describe());
    }

    [Fact]
    public void Find_ZipfClients_UseTheMostPopularClientsGap()
    {
        // Zipf 1 over 2 clients: the first gets 2/3 of 2 x 60/h, one visit every 45 s.
        var plan = Plan("50s", "{count: 2, popularity: {zipf: 1}, visits: {rate: 60/h}}", "{name: ids, session_ids: {capacity: 100KB, timeout: 50s}}");

        Assert.Null(WarmupShortfall.Find(plan.Base, plan.Base.Strategies[0]));
    }

    [Theory]
    [InlineData("10m", "{name: ids, session_ids: {capacity: 100KB, timeout: 5m}}")]
    [InlineData("1m", "{name: off, resumption: off}")]
    [InlineData("{auto: 10m}", "{name: ids, session_ids: {capacity: 100KB, timeout: 5m}}")]
    public void Find_WarmupCoversTheScales_OrNothingToWarm_OrFoundByMser_GivesNothing(string warmup, string strategy)
    {
        var plan = Plan(warmup, "{count: 100, visits: {rate: 60/h}}", strategy);

        Assert.Null(WarmupShortfall.Find(plan.Base, plan.Base.Strategies[0]));
    }

    [Fact]
    public void Run_SweepOverWarmup_NamesOnlyThePointsThatFallShort()
    {
        using var temp = new TempFolder();
        var scenario = temp.Write("s.yaml", """
            name: sweep-warmup
            seed: 3
            duration: 2m
            warmup: 1m
            clients: {count: 200, visits: {rate: 60/h}}
            strategies:
              - {name: ids, session_ids: {capacity: 100KB, timeout: 5m}}
              - {name: off, resumption: off}
            sweep:
              warmup: [1m, 10m]
            """);

        var (exit, _, stderr) = CliRunner.Run("run", scenario, "--out", Path.Combine(temp.Path, "out"), "--quiet");

        Assert.True(exit == 0, stderr);
        var warnings = stderr.Split('\n').Where(l => l.StartsWith("warning: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            ["warning: ids (warmup=1m): the written warm-up (1m) is shorter than the session timeout (5m), so the first 2m of the 2m measured window (100%) "
                + "is still warming up; warm up for 5m or more, or use warmup: auto"],
            warnings.Where(w => w.Contains("written warm-up", StringComparison.Ordinal)));
    }

    [Fact]
    public void Run_ShortWrittenWarmup_WarnsOnTheErrorStream()
    {
        using var temp = new TempFolder();
        var scenario = temp.Write("small.yaml", SmallScenario.Yaml);

        var (exit, _, stderr) = CliRunner.Run("run", scenario, "--out", Path.Combine(temp.Path, "out"), "--quiet", "--replications", "1");

        Assert.True(exit == 0, stderr);
        Assert.Contains(
            "warning: tickets: the written warm-up (1m) is shorter than the session timeout (2m), so the first 1m of the 4m measured window (25%) "
            + "is still warming up; warm up for 2m or more, or use warmup: auto",
            stderr);
    }
}
