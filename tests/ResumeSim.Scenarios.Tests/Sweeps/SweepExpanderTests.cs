using ResumeSim.Model.Configuration;

namespace ResumeSim.Scenarios.Tests.Sweeps;

public sealed class SweepExpanderTests
{
    private const string Swept = """
        name: swept
        duration: 30m
        clients:
          count: 100
          visits: {rate: 4/h}
        farm: {servers: 4}
        strategies:
          - name: ids
            session_ids: {capacity: 1000}
          - name: tickets-shared-key
            tickets: {rotate: 1h}
        """;

    [Fact]
    public void Sweep_GridIsTheCartesianProductInWrittenOrder_LastKeyFastest()
    {
        var plan = ScenarioText.Parse(Swept + "\nsweep:\n  farm.servers: [2, 4, 8]\n  clients.visits.rate: [1/h, 6/h]");

        Assert.Equal(["farm.servers", "clients.visits.rate"], plan.SweepKeys);
        Assert.Equal(6, plan.Points.Count);
        Assert.Equal(Enumerable.Range(0, 6), plan.Points.Select(p => p.Index));
        Assert.Equal(
            ["2|1/h", "2|6/h", "4|1/h", "4|6/h", "8|1/h", "8|6/h"],
            plan.Points.Select(p => $"{p.Values[0].Value}|{p.Values[1].Value}"));
        Assert.All(plan.Points, p => Assert.Equal(["farm.servers", "clients.visits.rate"], p.Values.Select(v => v.Key)));
    }

    [Fact]
    public void Sweep_ValuesAreAppliedToEachPointsConfig()
    {
        var plan = ScenarioText.Parse(Swept + "\nsweep:\n  farm.servers: [2, 8]\n  clients.visits.rate: [1/h, 6/h]");

        Assert.Equal([2, 2, 8, 8], plan.Points.Select(p => p.Config.Farm.Servers));
        Assert.Equal([1.0 / 3600, 6.0 / 3600, 1.0 / 3600, 6.0 / 3600], plan.Points.Select(p => p.Config.Clients.VisitsPerSecond));

        // The base is the file as written; sweeps never leak into it.
        Assert.Equal(4, plan.Base.Farm.Servers);
        Assert.Equal(4.0 / 3600, plan.Base.Clients.VisitsPerSecond, 12);
    }

    [Fact]
    public void Sweep_StrategyAddressedByName_ChangesOnlyThatStrategy()
    {
        var plan = ScenarioText.Parse(Swept + "\nsweep:\n  strategies.tickets-shared-key.tickets.rotate: [10m, 1d]");

        Assert.Equal([TimeSpan.FromMinutes(10), TimeSpan.FromDays(1)], plan.Points.Select(p => p.Config.Strategies[1].Tickets!.Rotate));
        Assert.All(plan.Points, p => Assert.Equal(1000, p.Config.Strategies[0].SessionIds!.CapacityEntries));
    }

    [Fact]
    public void Sweep_WildcardItem_SetsEveryItemThatHasThePath()
    {
        var twoIds = Swept.Replace("  - name: tickets-shared-key\n    tickets: {rotate: 1h}", "  - name: ids-lru\n    session_ids: {eviction: lru, capacity: 1000}\n  - name: tickets-shared-key\n    tickets: {rotate: 1h}", StringComparison.Ordinal);
        var plan = ScenarioText.Parse(twoIds + "\nsweep:\n  strategies.*.session_ids.capacity: [10, 20]");

        Assert.Equal(["strategies.*.session_ids.capacity"], plan.SweepKeys);
        Assert.Equal([10L, 20L], plan.Points.Select(p => p.Config.Strategies[0].SessionIds!.CapacityEntries));
        Assert.Equal([10L, 20L], plan.Points.Select(p => p.Config.Strategies[1].SessionIds!.CapacityEntries));
        Assert.All(plan.Points, p => Assert.Null(p.Config.Strategies[2].SessionIds));
    }

    [Fact]
    public void Sweep_WildcardMatchingNoItem_IsAnErrorAtTheSweepKey()
    {
        var ex = Assert.Throws<ScenarioException>(() => ScenarioText.Parse(Swept + "\nsweep:\n  strategies.*.tickets.keep: [1h]"));

        Assert.Contains(ex.Errors, e => e.Message.Contains("matches no item", StringComparison.Ordinal));
    }

    [Fact]
    public void Sweep_ListItemByIndex_Works()
    {
        var plan = ScenarioText.Parse(Swept + "\nsweep:\n  strategies.0.session_ids.capacity: [10, 1MB]");

        Assert.Equal(10, plan.Points[0].Config.Strategies[0].SessionIds!.CapacityEntries);
        Assert.Equal(1L << 20, plan.Points[1].Config.Strategies[0].SessionIds!.CapacityBytes);
    }

    [Fact]
    public void Sweep_StrategyNameWithDots_IsMatchedWhole()
    {
        var text = Swept.Replace("name: ids", "name: ids.v2", StringComparison.Ordinal) + "\nsweep:\n  strategies.ids.v2.session_ids.capacity: [5, 6]";
        Assert.Equal([5L, 6L], ScenarioText.Parse(text).Points.Select(p => p.Config.Strategies[0].SessionIds!.CapacityEntries));
    }

    [Fact]
    public void Sweep_TlsVersion_ChangesTheProtocol()
    {
        var plan = ScenarioText.Parse(Swept + "\ntls: {version: \"1.2\"}\nsweep:\n  tls.version: [\"1.2\", 1.3]");
        Assert.Equal([ProtocolVersion.Tls12, ProtocolVersion.Tls13], plan.Points.Select(p => p.Config.Protocol.Version));
    }

    [Fact]
    public void Sweep_Overrides_ApplyToEveryPoint()
    {
        var plan = ScenarioText.Parse(Swept + "\nsweep:\n  farm.servers: [2, 8]", new ScenarioOverrides(Seed: 9, Replications: 4));
        Assert.All(plan.Points, p => Assert.Equal((9UL, 4), (p.Config.Seed, p.Config.Replications)));
    }

    [Fact]
    public void Sweep_PathThatDoesNotExist_IsReportedAtTheSweepKey()
    {
        var text = Swept + "\nsweep:\n  farm.server: [2, 4]";
        ScenarioText.AssertError(text, 13, 3, "sweep key 'farm.server' does not exist", "'server' is not found under farm");
    }

    [Fact]
    public void Sweep_PathToAKeyNotWritten_IsReported()
    {
        // farm.cores has a default but is not in the file: there is no scalar to replace.
        ScenarioText.AssertError(Swept + "\nsweep:\n  farm.cores: [2, 4]", 13, 3, "'cores' is not found under farm");
    }

    [Fact]
    public void Sweep_UnknownStrategyName_IsReported()
    {
        ScenarioText.AssertError(Swept + "\nsweep:\n  strategies.nope.tickets.rotate: [1h]", 13, 3, "'nope' is not found under strategies");
    }

    [Fact]
    public void Sweep_PathToAMapping_IsReported()
    {
        ScenarioText.AssertError(Swept + "\nsweep:\n  clients.visits: [1, 2]", 13, 3, "names a mapping, not a single value");
    }

    [Fact]
    public void Sweep_EmptyValueList_IsReported()
    {
        ScenarioText.AssertError(Swept + "\nsweep:\n  farm.servers: []", 13, 17, "expected a non-empty list");
    }

    [Fact]
    public void Sweep_NonScalarValue_IsReported()
    {
        ScenarioText.AssertError(Swept + "\nsweep:\n  farm.servers: [2, {a: 1}]", 13, 21, "a mapping in the list");
    }

    [Fact]
    public void Sweep_BadValue_IsReportedAtTheValueWithThePoint()
    {
        ScenarioText.AssertError(Swept + "\nsweep:\n  farm.servers: [2, zero]", 13, 21, "at sweep point 1 (farm.servers=zero)", "'zero' is not an integer");
    }

    [Fact]
    public void Sweep_ValueThatBreaksAnotherRule_NamesThePoint()
    {
        var text = Swept + "\nfaults: [{at: 1m, restart: server-4}]\nsweep:\n  farm.servers: [4, 2]";
        ScenarioText.AssertError(text, 12, 28, "at sweep point 1 (farm.servers=2)", "server-N with N from 1 to 2");
    }

    [Fact]
    public void Sweep_TooManyPoints_IsReported()
    {
        var values = string.Join(", ", Enumerable.Range(1, 101));
        ScenarioText.AssertError(Swept + $"\nsweep:\n  farm.servers: [{values}]\n  strategies.ids.session_ids.capacity: [{values}]", 12, 1, "10201 points");
    }

    [Fact]
    public void Sweep_FaultByIndexAndMixShareByIndex_AreApplied()
    {
        var text = Swept.Replace("visits: {rate: 4/h}", "visits: {rate: 4/h}\n  mix: [{browser: chrome, share: 0.5}, {browser: curl, share: 0.5}]", StringComparison.Ordinal)
            + "\nfaults: [{at: 1m, restart: server-1}]\nsweep:\n  faults.0.at: [2m, 3m]\n  faults.0.restart: [server-2]";
        var plan = ScenarioText.Parse(text);

        Assert.Equal([TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(3)], plan.Points.Select(p => p.Config.Faults[0].At));
        Assert.All(plan.Points, p => Assert.Equal(1, p.Config.Faults[0].Server));
    }

    [Fact]
    public void Sweep_MixShares_ThatNoLongerSumToOne_AreReportedPerPoint()
    {
        var text = Swept.Replace("visits: {rate: 4/h}", "visits: {rate: 4/h}\n  mix: [{browser: chrome, share: 0.5}, {browser: curl, share: 0.5}]", StringComparison.Ordinal)
            + "\nsweep:\n  clients.mix.1.share: [0.5, 0.4]";
        ScenarioText.AssertError(text, 6, 8, "at sweep point 1 (clients.mix.1.share=0.4)", "shares sum to 0.9");
        Assert.Single(ScenarioText.Errors(text));
    }
}
