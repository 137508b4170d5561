using ResumeSim.Model.Configuration;

namespace ResumeSim.Scenarios.Tests;

/// <summary>The farm keys: shared cache tier, key propagation, stick table and the fault timeline.</summary>
public sealed class FarmBindingTests
{
    private const string Farm = """
        name: t
        duration: 1h
        clients:
          count: 100
          visits: {rate: 4/h}
        farm: {servers: 4, balancer: session-sticky, stick_table: {size: 5000, expire: 10m}}
        strategies:
          - name: ids
            session_ids: {store: shared, capacity: 1000, nodes: 3, lookup: 0.5ms, put: 1ms, node_ops: 20000/s, node_timeout: 50ms}
          - name: tickets
            tickets: {keys: shared, rotate: 10m, propagation: 2m}
        faults:
        """;

    [Fact]
    public void Parse_SharedTierPropagationAndStickTable()
    {
        var c = ScenarioText.Parse(Farm).Base;

        var ids = c.Strategies[0].SessionIds!;
        Assert.Equal((3, TimeSpan.FromMilliseconds(1), 20000.0, TimeSpan.FromMilliseconds(50)), (ids.Nodes, ids.Put, ids.NodeOpsPerSecond, ids.NodeTimeout));
        Assert.Equal(TimeSpan.FromMinutes(2), c.Strategies[1].Tickets!.Propagation);
        Assert.Equal((5000, TimeSpan.FromMinutes(10)), (c.Farm.StickTableSize, c.Farm.StickTableExpiry));
    }

    [Fact]
    public void Parse_EveryFaultForm()
    {
        var text = Farm + """

              - {at: 1m, restart: server-1}
              - {at: 2m, restart: server-2, down: 30s}
              - {at: 3m, flush: cache-2}
              - {at: 4m, flush: shared}
              - {at: 5m, fail: cache-3, for: 2m}
              - {at: 6m, desync: server-3, for: 5m}
              - {at: 7m, surge: 2.5, for: 1m}
              - {at: 8m, scale_out: 2}
              - {at: 9m, scale_in: 3}
              - {at: 10m, restart: server-6}
              - {at: 11m, fail: cache-1}
            """;

        var f = ScenarioText.Parse(text).Base.Faults;

        Assert.Equal(
            [
                new FaultConfig(TimeSpan.FromMinutes(1), FaultKind.Restart, 0),
                new FaultConfig(TimeSpan.FromMinutes(2), FaultKind.Restart, 1) { Window = TimeSpan.FromSeconds(30) },
                new FaultConfig(TimeSpan.FromMinutes(3), FaultKind.FlushStore, -1) { CacheNode = 1 },
                new FaultConfig(TimeSpan.FromMinutes(4), FaultKind.FlushStore, -1),
                new FaultConfig(TimeSpan.FromMinutes(5), FaultKind.CacheNodeFail, -1) { CacheNode = 2, Window = TimeSpan.FromMinutes(2) },
                new FaultConfig(TimeSpan.FromMinutes(6), FaultKind.KeyDesync, 2) { Window = TimeSpan.FromMinutes(5) },
                new FaultConfig(TimeSpan.FromMinutes(7), FaultKind.Surge, -1) { Multiplier = 2.5, Window = TimeSpan.FromMinutes(1) },
                new FaultConfig(TimeSpan.FromMinutes(8), FaultKind.ScaleOut, -1) { Count = 2 },
                new FaultConfig(TimeSpan.FromMinutes(9), FaultKind.ScaleIn, -1) { Count = 3 },
                new FaultConfig(TimeSpan.FromMinutes(10), FaultKind.Restart, 5),
                new FaultConfig(TimeSpan.FromMinutes(11), FaultKind.CacheNodeFail, -1) { CacheNode = 0, Window = TimeSpan.MaxValue },
            ],
            f);
    }

    [Theory]
    [InlineData("  - {at: 1m, flush: server-1, down: 30s}", 13, 37, "faults[0].down is the downtime of a restart")]
    [InlineData("  - {at: 1m, restart: server-1, for: 30s}", 13, 38, "faults[0].for is the length of a fail, desync or surge window")]
    [InlineData("  - {at: 1m, fail: cache-4}", 13, 20, "cache-N with N from 1 to 3")]
    [InlineData("  - {at: 1m, fail: server-1}", 13, 20, "'server-1' is not a cache node name")]
    [InlineData("  - {at: 1m, restart: server-5}", 13, 23, "server-N with N from 1 to 4")]
    [InlineData("  - {at: 1m, surge: 0}", 13, 21, "faults[0].surge: 0 is out of range")]
    [InlineData("  - {at: 1m, scale_in: 4}", 13, 24, "leaves 0 servers")]
    [InlineData("  - {at: 1m, restart: server-1, flush: shared}", 13, 5, "needs exactly one of restart, flush, fail, desync, surge, scale_out, scale_in")]
    [InlineData("  - {at: 1m, crash: server-1}", 13, 14, "'crash' is not a key of faults[0]")]
    public void BadFault_IsReportedAtFileLineAndColumn(string line, int row, int column, string fragment)
    {
        ScenarioText.AssertError(Farm + "\n" + line, row, column, fragment);
    }

    [Fact]
    public void OverlappingSurges_AreAnError()
    {
        var text = Farm + "\n  - {at: 1m, surge: 2, for: 5m}\n  - {at: 3m, surge: 3, for: 1m}";

        ScenarioText.AssertError(text, 14, 21, "starts before the previous surge ends");
    }

    [Theory]
    [InlineData("tickets: {keys: shared, rotate: 10m, propagation: 2m}", "tickets: {keys: shared, rotate: 10m, propagation: 10m}", 11, 55, "is not shorter than rotate")]
    [InlineData("tickets: {keys: shared, rotate: 10m, propagation: 2m}", "tickets: {keys: per-server, propagation: 2m}", 11, 46, "expected keys: shared with it")]
    [InlineData("store: shared, capacity: 1000, nodes: 3", "store: per-server, capacity: 1000, nodes: 3", 9, 61, "describes the shared cache tier; expected store: shared")]
    [InlineData("balancer: session-sticky", "balancer: round-robin", 6, 56, "farm.stick_table configures the session-sticky balancer")]
    public void FarmKeyInTheWrongPlace_IsAnError(string from, string to, int row, int column, string fragment)
    {
        ScenarioText.AssertError(Farm.Replace(from, to, StringComparison.Ordinal), row, column, fragment);
    }
}
