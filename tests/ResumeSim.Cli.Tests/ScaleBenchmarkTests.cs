using ResumeSim.Bench;
using ResumeSim.Scenarios;

namespace ResumeSim.Cli.Tests;

/// <summary>The shipped scale-10m scenario and the scale benchmark that runs it (docs/performance.md, "Scale").</summary>
public sealed class ScaleBenchmarkTests
{
    internal static string ScenarioPath => Path.Combine(RepositoryPaths.Root, "scenarios", "scale-10m.yaml");

    internal static ResumeSim.Model.Configuration.ScenarioConfig LoadScenario() => ScenarioLoader.Load(ScenarioPath).Base;

    [Fact]
    public void ScaleScenario_HasTenMillionClientsAHundredServersAndAboutAHundredMillionConnections()
    {
        var scenario = ScenarioLoader.Load(ScenarioPath).Base;

        Assert.Equal(10_000_000, scenario.Clients.Count);
        Assert.Equal(100, scenario.Farm.Servers);
        double visits = scenario.Clients.Count * scenario.Clients.VisitsPerSecond * scenario.Duration.TotalSeconds;
        Assert.InRange(visits * scenario.Pages.Hosts * scenario.Pages.ConnectionsPerHost, 0.9e8, 1.1e8);
        Assert.Contains(scenario.Strategies, s => s.SessionIds is not null);
        Assert.Contains(scenario.Strategies, s => s.Tickets is not null);
    }

    [Fact]
    public void Scale_ChangesClientsAndPerServerCapacityTogether()
    {
        var scenario = ScenarioLoader.Load(ScenarioPath).Base;

        var scaled = ScaleBenchmark.Scale(scenario, 1_000_000);

        Assert.Equal(1_000_000, scaled.Clients.Count);
        var before = scenario.Strategies.Single(s => s.SessionIds is not null).SessionIds!;
        var after = scaled.Strategies.Single(s => s.SessionIds is not null).SessionIds!;
        Assert.Equal(before.CapacityEntries / 10, after.CapacityEntries);
        Assert.Equal(scenario.Strategies.Single(s => s.Tickets is not null), scaled.Strategies.Single(s => s.Tickets is not null));
    }

    [Fact]
    public void Run_SmallPopulation_StrategiesCountTheSameAloneAndInParallel()
    {
        var scenario = ScenarioLoader.Load(ScenarioPath).Base;
        var log = new StringWriter();

        var report = ScaleBenchmark.Run(scenario, new ScaleBenchmarkOptions { Clients = 2_000, CryptoFloorPairs = 200 }, log);

        Assert.Equal(2, report.Serial.Count);
        Assert.Equal(2, report.Parallel.Count);
        foreach (var alone in report.Serial)
        {
            var together = report.Parallel.Single(p => p.Strategy == alone.Strategy);
            Assert.True(alone.Connections > 10_000, $"{alone.Strategy}: {alone.Connections} connections");
            Assert.Equal(alone.Connections, together.Connections);
            Assert.Equal(alone.Events, together.Events);
        }

        var tickets = report.Serial.Single(m => m.Strategy.StartsWith("tickets", StringComparison.Ordinal));
        Assert.Equal(tickets.Connections, tickets.TicketHandshakes);
        Assert.Equal(0, report.Serial.Single(m => m.Strategy.StartsWith("ids", StringComparison.Ordinal)).TicketHandshakes);
        Assert.NotNull(report.Speedup);
        Assert.Contains("crypto floor", log.ToString(), StringComparison.Ordinal);
    }
}
