using ResumeSim.Model.Configuration;
using ResumeSim.Model.World;
using ResumeSim.Tls;

namespace ResumeSim.Model.Tests.World;

public sealed class HandshakeLatencyTests
{
    [Fact]
    public void Tls12_ClientWithoutFalseStart_FullTakesThreeRttAndResumedTwo()
    {
        var latencies = ReadyLatencies(TestScenarios.Ids(), new ClientMixEntry("chrome", 1.0) { FalseStart = false });

        const long rtt = 40_000_000;
        Assert.Equal([3 * rtt], latencies[HandshakeOutcome.Full]);
        Assert.Equal([2 * rtt], latencies[HandshakeOutcome.ResumedById]);
    }

    [Fact]
    public void Tls12_ChromeFalseStarts_FullIsReadyAfterTwoRttAndCompletesAfterThree()
    {
        // RFC 7918; Chromium enables False Start and BoringSSL allows it for TLS 1.2 with ECDHE, an AEAD
        // suite and ALPN (parameters.md section 6, "TLS False Start"): the request leaves with the
        // client's Finished, so a full handshake costs the client one round trip, as a resumed one does.
        var scenario = TestScenarios.OneServer(TestScenarios.Ids(), clients: 200, visitsPerHour: 30);
        var world = new ResumptionWorld(scenario, scenario.Strategies[0], replication: 0);
        var full = new List<ConnectionRecord>();
        world.Observer = r =>
        {
            if (r.Outcome == HandshakeOutcome.Full)
            {
                full.Add(r);
            }
        };

        world.Run(0, 0);

        const long rtt = 40_000_000;
        Assert.NotEmpty(full);
        Assert.All(full, r => Assert.Equal((2 * rtt, 3 * rtt), (r.Ready - r.Start, r.Done - r.Start)));
        Assert.Equal([2 * rtt], ReadyLatencies(TestScenarios.Ids(), new ClientMixEntry("chrome", 1.0))[HandshakeOutcome.ResumedById]);
    }

    [Fact]
    public void Tickets_WithFixedRttAndNoCpuCost_ResumeInTwoRtt()
    {
        var scenario = TestScenarios.OneServer(TestScenarios.Tickets(), clients: 200, visitsPerHour: 30);
        var world = new ResumptionWorld(scenario, scenario.Strategies[0], replication: 0);
        var resumed = new HashSet<long>();
        world.Observer = r =>
        {
            if (r.Outcome == HandshakeOutcome.ResumedByTicket)
            {
                resumed.Add(r.Done - r.Start);
            }
        };

        world.Run(0, 0);

        Assert.Equal([80_000_000L], resumed);
    }

    private static Dictionary<HandshakeOutcome, HashSet<long>> ReadyLatencies(StrategyConfig strategy, ClientMixEntry client)
    {
        var scenario = TestScenarios.OneServer(strategy, clients: 200, visitsPerHour: 30);
        scenario = scenario with { Clients = scenario.Clients with { Mix = [client] } };
        var world = new ResumptionWorld(scenario, scenario.Strategies[0], replication: 0);
        var latencies = new Dictionary<HandshakeOutcome, HashSet<long>>();
        world.Observer = r =>
        {
            if (!latencies.TryGetValue(r.Outcome, out var set))
            {
                latencies[r.Outcome] = set = [];
            }

            set.Add(r.Ready - r.Start);
        };

        world.Run(0, 0);
        return latencies;
    }
}
