using ResumeSim.Model.Configuration;
using ResumeSim.Model.Randomness;
using ResumeSim.Tls;

namespace ResumeSim.Model.Servers;

/// <summary>Prices the CPU time a connection holds its server's core for, from the cost profile (docs/costs.md, "The cost model").</summary>
internal sealed class ConnectionCosts
{
    private readonly ScenarioConfig _scenario;
    private readonly ulong _seed;
    private readonly bool _exponential;
    private readonly bool _statelessTickets;
    private readonly bool _pskKe;
    private readonly double[] _costTicks;
    private readonly long _ticketSealTicks;
    private readonly long _ticketOpenTicks;
    private readonly long _storeOpTicks;
    private readonly long _keyExchangeTicks;

    public ConnectionCosts(ScenarioConfig scenario, StrategyConfig strategy, ulong seed)
    {
        _scenario = scenario;
        _seed = seed;
        _exponential = scenario.Costs.ServiceTime != ServiceTimeDistribution.Fixed;
        _statelessTickets = strategy.Tickets is not null;
        _pskKe = strategy.Tickets is { PskDhe: false };
        _costTicks = CostTable(scenario);
        _ticketSealTicks = MicrosToTicks(scenario.Costs.TicketSealMicros);
        _ticketOpenTicks = MicrosToTicks(scenario.Costs.TicketOpenMicros);
        _storeOpTicks = MicrosToTicks(scenario.Costs.StoreOperationMicros);
        ConnectionTicks = MicrosToTicks(scenario.Costs.ConnectionMicros);
        _keyExchangeTicks = scenario.Costs.TryGetKeyExchangeMicros(scenario.Protocol.KeyExchange, out var keyExchange)
            ? MicrosToTicks(keyExchange)
            : throw new InvalidOperationException($"cost profile '{scenario.Costs.Name}' has no cost for the {scenario.Protocol.KeyExchange} key exchange");
    }

    /// <summary>
    /// The profile's per-connection base (accept, request, response, logging, close), in ns: it holds
    /// the core after the handshake, so it delays whoever queues behind but not the handshake's own flights.
    /// </summary>
    public long ConnectionTicks { get; }

    /// <summary>
    /// The handshake's CPU time on the core, in ns: <see cref="HandshakeTicks"/>, or with
    /// <c>costs: {exponential: T}</c> an exponential draw of that mean. The draw is a pure hash of the
    /// connection (client, visit, ordinal: <paramref name="drawKey"/>), so every strategy of a replication
    /// sees the same service times where it does the same work.
    /// </summary>
    public long ServiceTicks(HandshakeResult result, int client, ulong drawKey)
    {
        var ticks = HandshakeTicks(result);
        if (!_exponential || ticks == 0)
        {
            return ticks;
        }

        var u = CounterRandom.UnitOpen(_seed, RandomStreamIds.ServiceTime, (ulong)client, drawKey);
        return (long)Math.Round(-Math.Log(u) * ticks);
    }

    /// <summary>
    /// The priced handshake part of a connection's CPU, in ns: the profile's price for the handshake's kind
    /// and, on top of it, the key exchange's extra over X25519, the tickets sealed and opened and the
    /// session-store lookups and inserts. The per-connection base is <see cref="ConnectionTicks"/>.
    /// </summary>
    public long HandshakeTicks(HandshakeResult result)
    {
        var kind = result.Outcome switch
        {
            HandshakeOutcome.Full => CostedHandshake.Full,
            HandshakeOutcome.ResumedById or HandshakeOutcome.ResumedByTicket => CostedHandshake.Resumed,
            HandshakeOutcome.Psk => CostedHandshake.Psk,
            HandshakeOutcome.PskDhe => CostedHandshake.PskDhe,
            _ => _pskKe ? CostedHandshake.Psk : CostedHandshake.PskDhe,
        };
        var cost = _costTicks[(int)kind];
        if (double.IsNaN(cost))
        {
            throw new InvalidOperationException(
                $"cost profile '{_scenario.Costs.Name}' has no cost for {_scenario.Protocol.Version} {_scenario.Protocol.Certificate} {kind}");
        }

        var ticks = (long)Math.Round(cost);
        if (kind is CostedHandshake.Full or CostedHandshake.PskDhe)
        {
            ticks += _keyExchangeTicks;
        }

        // A stateless ticket is sealed; a TLS 1.3 stateful one (tickets off) is a session put in the store.
        ticks += result.NewTickets.Count * (_statelessTickets ? _ticketSealTicks : _storeOpTicks);
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
