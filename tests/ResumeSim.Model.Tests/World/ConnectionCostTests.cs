using ResumeSim.Model.Configuration;
using ResumeSim.Model.Runs;
using ResumeSim.Model.World;
using ResumeSim.Tls;

namespace ResumeSim.Model.Tests.World;

/// <summary>
/// What the cost model charges a server per connection (docs/costs.md, "The cost model"): the
/// profile's base once per connection, the handshake by its kind, the key exchange's extra on full
/// and psk_dhe handshakes only, and each ticket sealed or opened and each session-store lookup or
/// insert. Prices are distinct round numbers so each sum names what it counted.
/// </summary>
public sealed class ConnectionCostTests
{
    private const double Base = 50;
    private const double Full12 = 1000;
    private const double Resumed12 = 100;
    private const double Full13 = 2000;
    private const double PskDhe13 = 300;
    private const double Psk13 = 200;
    private const double P256Extra = 70;
    private const double Seal = 9;
    private const double Open = 4;
    private const double StoreOp = 2;

    [Fact]
    public void Tls12SessionIds_ChargeTheBaseOncePerConnectionAndEachHandshakeByKind()
    {
        // a full, a resumed, b full: 3 bases, 2 full handshakes, 1 resumption; no operations priced.
        var result = Run("time_s,client,host\n0,a,www\n1,a,www\n2,b,www\n", ProtocolVersion.Tls12, Ids(capacity: 10), Profile(ops: false));

        Assert.Equal((2, 1), (result.Full, result.ResumedById));
        Assert.Equal(((3 * Base) + (2 * Full12) + Resumed12) / 1e6, result.CpuCoreSeconds, 12);
        Assert.Equal(((2 * Full12) + Resumed12) / 1e6, result.CpuHandshakeCoreSeconds, 12);
    }

    [Fact]
    public void Tls12SessionIds_ChargeAStoreOperationPerLookupAndPerInsert()
    {
        // Capacity 1: a@0 full (insert), a@1 resumed (lookup), b@2 full (insert, a evicted),
        // a@3 offers its evicted id: full (lookup that misses, then insert). 5 store operations.
        var result = Run("time_s,client,host\n0,a,www\n1,a,www\n2,b,www\n3,a,www\n", ProtocolVersion.Tls12, Ids(capacity: 1), Profile(ops: true));

        Assert.Equal((3, 1), (result.Full, result.ResumedById));
        Assert.Equal(((3 * Full12) + Resumed12 + (5 * StoreOp)) / 1e6, result.CpuHandshakeCoreSeconds, 12);
    }

    [Fact]
    public void Tls12Tickets_ChargeASealPerTicketIssuedAndAnOpenPerTicketPresented()
    {
        // a@0 full: one ticket sealed; a@1 resumes with it: opened, none re-issued (one key, never rotated).
        var result = Run("time_s,client,host\n0,a,www\n1,a,www\n", ProtocolVersion.Tls12, Tickets(pskDhe: true), Profile(ops: true));

        Assert.Equal((1, 1), (result.Full, result.ResumedByTicket));
        Assert.Equal((Full12 + Seal + Resumed12 + Open) / 1e6, result.CpuHandshakeCoreSeconds, 12);
    }

    [Fact]
    public void Tls13_PricesFullAndPskDheWithTheirTicketsAndTheKeyExchangeExtra()
    {
        // TLS 1.3, P-256: a@0 full seals 2 tickets (OpenSSL's count); a@1 psk_dhe opens one and seals one.
        // The P-256 extra over X25519 falls on both, as both do an (EC)DHE.
        var result = Run("time_s,client,host\n0,a,www\n1,a,www\n", ProtocolVersion.Tls13, Tickets(pskDhe: true), Profile(ops: true), KeyExchangeKind.P256);

        Assert.Equal((1, 1), (result.Full, result.ResumedPsk));
        var expected = Full13 + P256Extra + (2 * Seal) + PskDhe13 + P256Extra + Open + Seal;
        Assert.Equal(expected / 1e6, result.CpuHandshakeCoreSeconds, 12);
        Assert.Equal((expected + (2 * Base)) / 1e6, result.CpuCoreSeconds, 12);
    }

    [Fact]
    public void Tls13PskKe_PaysNoKeyExchange()
    {
        // psk_ke (tickets psk: ke) has no (EC)DHE (RFC 8446 2.2): the P-256 extra falls on the full handshake only.
        var result = Run("time_s,client,host\n0,a,www\n1,a,www\n", ProtocolVersion.Tls13, Tickets(pskDhe: false), Profile(ops: false), KeyExchangeKind.P256);

        Assert.Equal((1, 1), (result.Full, result.ResumedPsk));
        Assert.Equal((Full13 + P256Extra + Psk13) / 1e6, result.CpuHandshakeCoreSeconds, 12);
    }

    [Fact]
    public void Base_HoldsTheCoreAfterTheHandshakeButDoesNotDelayIt()
    {
        // One core, 40 ms RTT, base 50 ms. a's hello arrives at 60 ms; its handshake holds the core
        // to 61 ms and its completion follows from there (1.5 RTT more), as with no base; its base
        // then holds the core to 111 ms. b's hello arrives at 1 ms + 60 ms = 61 ms and waits for it.
        var profile = Profile(ops: false) with { ConnectionMicros = 50_000 };
        var records = new List<ConnectionRecord>();
        Run("time_s,client,host\n0,a,www\n0.001,b,www\n", ProtocolVersion.Tls12, Ids(capacity: 10), profile, records: records, cores: 1);

        const long Ms = 1_000_000;
        var a = records.Single(r => r.Client == 0);
        var b = records.Single(r => r.Client == 1);
        Assert.Equal((60 * Ms) + (1 * Ms) + (60 * Ms), a.Done - a.Start);
        Assert.Equal(111 * Ms + (1 * Ms) + (60 * Ms), b.Done);
    }

    private static CostProfile Profile(bool ops)
    {
        var table = new Dictionary<(ProtocolVersion, CertificateKind, CostedHandshake), double>
        {
            [(ProtocolVersion.Tls12, CertificateKind.EcdsaP256, CostedHandshake.Full)] = Full12,
            [(ProtocolVersion.Tls12, CertificateKind.EcdsaP256, CostedHandshake.Resumed)] = Resumed12,
            [(ProtocolVersion.Tls13, CertificateKind.EcdsaP256, CostedHandshake.Full)] = Full13,
            [(ProtocolVersion.Tls13, CertificateKind.EcdsaP256, CostedHandshake.PskDhe)] = PskDhe13,
            [(ProtocolVersion.Tls13, CertificateKind.EcdsaP256, CostedHandshake.Psk)] = Psk13,
        };
        return new CostProfile("test", "round numbers", table, ops ? Seal : 0, ops ? Open : 0, ops ? StoreOp : 0)
        {
            ConnectionMicros = Base,
            KeyExchangeMicros = new Dictionary<KeyExchangeKind, double> { [KeyExchangeKind.P256] = P256Extra, [KeyExchangeKind.X25519MlKem768] = 0 },
        };
    }

    private static StrategyConfig Ids(long capacity) => new()
    {
        Name = "ids",
        SessionIds = new SessionIdConfig { Eviction = StoreEviction.Fifo, CapacityEntries = capacity, EntryBytes = 384, Timeout = TimeSpan.FromMinutes(5) },
    };

    private static StrategyConfig Tickets(bool pskDhe) => new()
    {
        Name = "tickets",
        Tickets = new TicketConfig { Keys = KeyScope.Shared, Rotate = TimeSpan.Zero, Lifetime = TimeSpan.FromMinutes(5), PskDhe = pskDhe },
    };

    private static StrategyRunResult Run(
        string text,
        ProtocolVersion version,
        StrategyConfig strategy,
        CostProfile costs,
        KeyExchangeKind keyExchange = KeyExchangeKind.X25519,
        List<ConnectionRecord>? records = null,
        int cores = 8)
    {
        var errors = new List<TraceError>();
        var trace = TraceArrivals.Parse(new StringReader(text), errors)!;
        Assert.Empty(errors);
        var scenario = new ScenarioConfig
        {
            Name = "costs",
            Duration = TimeSpan.FromSeconds(30),
            Clients = new ClientsConfig
            {
                Count = trace.ClientCount,
                VisitsPerSecond = 0.1,
                Rtt = RttConfig.Fixed(TimeSpan.FromMilliseconds(40)),
                Mix = [new ClientMixEntry("chrome", 1.0)],
                Trace = trace,
            },
            Protocol = new ProtocolConfig { Version = version, KeyExchange = keyExchange },
            Farm = new FarmConfig { Servers = 1, Cores = cores, Balancer = BalancerKind.RoundRobin },
            Costs = costs,
            Strategies = [strategy],
            Output = new OutputConfig { Bucket = TimeSpan.FromSeconds(10) },
        };
        var world = new ResumptionWorld(scenario, strategy, replication: 0) { Observer = records is null ? null : records.Add };
        return world.Run(0, 0);
    }
}
