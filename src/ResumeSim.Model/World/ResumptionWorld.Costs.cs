using ResumeSim.Model.Configuration;
using ResumeSim.Model.Randomness;
using ResumeSim.Tls;

namespace ResumeSim.Model.World;

/// <summary>What a connection costs its server's core (docs/costs.md, "The cost model").</summary>
internal sealed partial class ResumptionWorld
{
    /// <summary>
    /// The priced CPU time, or with <c>costs: {exponential: T}</c> an exponential draw of that mean. The
    /// draw is a pure hash of the connection (client, visit, ordinal), so every strategy of a
    /// replication sees the same service times where it does the same work.
    /// </summary>
    private long DrawService(long ticks, in Connection c)
    {
        if (_scenario.Costs.ServiceTime == ServiceTimeDistribution.Fixed || ticks == 0)
        {
            return ticks;
        }

        var u = CounterRandom.UnitOpen(_seed, RandomStreamIds.ServiceTime, (ulong)c.Client, c.DrawKey);
        return (long)Math.Round(-Math.Log(u) * ticks);
    }

    /// <summary>
    /// The handshake part of a connection's CPU, in ns: the profile's price for the handshake's kind
    /// and, on top of it, the key exchange's extra over X25519, the tickets sealed and opened and
    /// the session-store lookups and inserts. The per-connection base is charged apart (StartService).
    /// </summary>
    private long ServiceTicks(HandshakeResult result)
    {
        var kind = result.Outcome switch
        {
            HandshakeOutcome.Full => CostedHandshake.Full,
            HandshakeOutcome.ResumedById or HandshakeOutcome.ResumedByTicket => CostedHandshake.Resumed,
            HandshakeOutcome.Psk => CostedHandshake.Psk,
            HandshakeOutcome.PskDhe => CostedHandshake.PskDhe,
            _ => _strategy.Tickets is { PskDhe: false } ? CostedHandshake.Psk : CostedHandshake.PskDhe,
        };
        var cost = _costTicks[(int)kind];
        if (double.IsNaN(cost))
        {
            throw new InvalidOperationException(
                $"cost profile '{_scenario.Costs.Name}' has no cost for {_scenario.Protocol.Version} {_scenario.Protocol.Certificate} {kind}");
        }

        // On top of the handshake: the key exchange's extra over X25519 when there is one, each
        // ticket sealed and the one opened, each session-store lookup and insert (docs/costs.md).
        var ticks = (long)Math.Round(cost);
        if (kind is CostedHandshake.Full or CostedHandshake.PskDhe)
        {
            ticks += _keyExchangeTicks;
        }

        // A stateless ticket is sealed; a TLS 1.3 stateful one (tickets off) is a session put in the store.
        ticks += result.NewTickets.Count * (_strategy.Tickets is not null ? _ticketSealTicks : _storeOpTicks);
        if (result.TicketStatus is not null)
        {
            ticks += _ticketOpenTicks;
        }

        if (result.StoreResult is not null)
        {
            ticks += _storeOpTicks;
        }

        if (!result.NewSessionId.IsEmpty)
        {
            ticks += _storeOpTicks;
        }

        return ticks;
    }

    private static long MicrosToTicks(double micros) => (long)Math.Round(micros * 1000);

    private static double[] CostTable(ScenarioConfig scenario)
    {
        var kinds = Enum.GetValues<CostedHandshake>();
        var table = new double[kinds.Length];
        foreach (var kind in kinds)
        {
            table[(int)kind] = scenario.Costs.TryGetHandshakeMicros(scenario.Protocol.Version, scenario.Protocol.Certificate, kind, out var micros)
                ? micros * 1000
                : double.NaN;
        }

        return table;
    }
}
