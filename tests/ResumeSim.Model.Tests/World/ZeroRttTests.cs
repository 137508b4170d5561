using ResumeSim.Model.Configuration;
using ResumeSim.Model.World;
using ResumeSim.Tls;
using static ResumeSim.Model.Tests.BrowserScenarios;

namespace ResumeSim.Model.Tests.World;

/// <summary>0-RTT saves exactly one RTT on time to first byte.</summary>
public sealed class ZeroRttTests
{
    [Fact]
    public void ZeroRtt_SavesExactlyOneRttOnTimeToFirstByte()
    {
        var withEarly = FirstByteByOutcome(Tls13Tickets(afterFull: 2, earlyData: true));
        var without = FirstByteByOutcome(Tls13Tickets(afterFull: 2, earlyData: false));

        // TCP 1 RTT + TLS 1.3 1 RTT, then the request and its response: 3 RTT, full or PSK alike.
        Assert.Equal([3 * Rtt], without[HandshakeOutcome.PskDhe]);
        Assert.Equal([3 * Rtt], without[HandshakeOutcome.Full]);

        // 0-RTT sends the request with the ClientHello; the response comes with the server's flight.
        Assert.Equal([2 * Rtt], withEarly[HandshakeOutcome.ZeroRtt]);
        Assert.False(withEarly.ContainsKey(HandshakeOutcome.PskDhe));
        Assert.Equal(without[HandshakeOutcome.PskDhe].Single() - Rtt, withEarly[HandshakeOutcome.ZeroRtt].Single());
    }

    [Fact]
    public void EarlyData_OnAReusedTicket_IsRefusedAsAReplayAndCostsTheRttBack()
    {
        // Go reuses its TLS 1.3 ticket (no single use); the server's anti-replay guard (RFC 8446 8.1)
        // accepts early data once per ticket, so the second use resumes without 0-RTT.
        var mix = new ClientMixEntry("go-cache", 1.0);
        var scenario = Page(Tls13Tickets(afterFull: 1, afterResumption: 0, earlyData: true), ProtocolVersion.Tls13, ConnectionWait.Parallel, connections: 1, mix: mix);
        var result = new ResumptionWorld(scenario, scenario.Strategies[0], 0).Run(0, 0);
        var byOutcome = FirstByteByOutcome(scenario);

        Assert.True(result.ZeroRtt >= 1);
        Assert.True(result.EarlyDataRejected >= 1);
        Assert.Equal([2 * Rtt], byOutcome[HandshakeOutcome.ZeroRtt]);
        Assert.Equal([3 * Rtt], byOutcome[HandshakeOutcome.PskDhe]);
    }

    private static Dictionary<HandshakeOutcome, HashSet<long>> FirstByteByOutcome(StrategyConfig strategy) =>
        FirstByteByOutcome(Page(strategy, ProtocolVersion.Tls13, ConnectionWait.Parallel, connections: 1, clients: 50, visitsPerHour: 12));

    /// <summary>Time to first byte of one-connection pages, by the handshake's outcome.</summary>
    private static Dictionary<HandshakeOutcome, HashSet<long>> FirstByteByOutcome(ScenarioConfig scenario)
    {
        var (pages, connections) = Run(scenario);
        var outcome = connections.ToDictionary(c => (c.Client, c.Start), c => c.Outcome);
        var byOutcome = new Dictionary<HandshakeOutcome, HashSet<long>>();
        foreach (var page in pages)
        {
            var o = outcome[(page.Client, page.Start)];
            if (!byOutcome.TryGetValue(o, out var set))
            {
                byOutcome[o] = set = [];
            }

            set.Add(page.FirstByte - page.Start);
        }

        return byOutcome;
    }
}
