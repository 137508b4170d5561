using ResumeSim.Engine;
using ResumeSim.Model.Configuration;
using ResumeSim.Tls;
using CertificateKind = ResumeSim.Model.Configuration.CertificateKind;
using ConfigEviction = ResumeSim.Model.Configuration.StoreEviction;
using TlsEviction = ResumeSim.Tls.StoreEviction;

namespace ResumeSim.Model.World;

/// <summary>
/// Builds each server's resumption state for one strategy from the real core: per-server or
/// farm-shared session stores, per-server or farm-shared ticket key rings.
/// </summary>
internal sealed class ResumptionSetup
{
    private readonly ScenarioConfig _scenario;
    private readonly StrategyConfig _strategy;
    private readonly RandomStreams _streams;
    private readonly IServerSessionStore? _sharedStore;
    private readonly TicketRotator? _sharedRotator;

    public ResumptionSetup(ScenarioConfig scenario, StrategyConfig strategy, RandomStreams streams)
    {
        _scenario = scenario;
        _strategy = strategy;
        _streams = streams;
        if (strategy.SessionIds is { Store: StoreScope.Shared } ids)
        {
            _sharedStore = Track(CreateStore(ids));
        }

        if (strategy.Tickets is { Keys: KeyScope.Shared } tickets)
        {
            _sharedRotator = Track(CreateRotator(tickets, streams.Get("ticket-keys-shared")));
        }
    }

    /// <summary>Every distinct session store (one shared, or one per server).</summary>
    public List<IServerSessionStore> Stores { get; } = [];

    /// <summary>Every distinct ticket key ring.</summary>
    public List<TicketRotator> Rotators { get; } = [];

    public bool SharedStore => _sharedStore is not null;

    public bool PerServerKeys => _strategy.Tickets is { Keys: KeyScope.PerServer };

    public bool PerServerStores => _strategy.SessionIds is { Store: StoreScope.PerServer };

    /// <summary>The resumption state of server <paramref name="index"/>, new or after a restart.</summary>
    public ServerResumption CreateServer(int index, int incarnation, long now)
    {
        var random = new EngineRandomBytes(_streams.Get($"tls-server-{index}", incarnation));
        IServerSessionStore store = _strategy.SessionIds switch
        {
            null => new NoSessionStore(),
            { Store: StoreScope.Shared } => _sharedStore!,
            var ids => Track(CreateStore(ids)),
        };
        var rotator = _strategy.Tickets switch
        {
            null => null,
            { Keys: KeyScope.Shared } => _sharedRotator,
            var tickets => Track(CreateRotator(tickets, _streams.Get($"ticket-keys-{index}", incarnation), now)),
        };
        // 0-RTT anti-replay: a strike register per server over a 10 s freshness window (RFC 8446 8).
        var guard = _strategy.Tickets is { EarlyData: true } ? new EarlyDataGuard(SimTime.FromSeconds(10), 1 << 20) : null;
        return new ServerResumption(new TlsServerState(ServerOptions(), store, rotator, random, guard), store, rotator);
    }

    private ServerResumptionOptions ServerOptions()
    {
        var tickets = _strategy.Tickets;
        var lifetime = tickets?.Lifetime ?? _strategy.SessionIds?.Timeout ?? TimeSpan.FromHours(2);
        return new ServerResumptionOptions(
            _scenario.Protocol.Version == ProtocolVersion.Tls13 ? TlsVersion.Tls13 : TlsVersion.Tls12,
            SessionIds: _strategy.SessionIds is not null,
            Tickets: tickets is not null,
            Tls13TicketsAfterFull: tickets?.TicketsAfterFull ?? 2,
            Tls13TicketsAfterResumption: tickets?.TicketsAfterResumption ?? 1,
            AcceptEarlyData: tickets?.EarlyData ?? false,
            Tls13TicketLifetimeNs: Math.Min(SimTime.FromTimeSpan(lifetime), ServerResumptionOptions.MaxTls13LifetimeNs),
            PreferPskDhe: tickets?.PskDhe ?? true,
            CertificateChainBytes: _scenario.Protocol.CertificateChainBytes,
            Certificate: _scenario.Protocol.Certificate switch
            {
                Configuration.CertificateKind.Rsa2048 => Tls.CertificateKind.Rsa2048,
                Configuration.CertificateKind.Rsa4096 => Tls.CertificateKind.Rsa4096,
                _ => Tls.CertificateKind.EcdsaP256,
            })
        {
            SessionTimeoutNs = SimTime.FromTimeSpan(lifetime),
            AllowPskKe = tickets is { PskDhe: false },
            TicketRequestCap = tickets?.TicketRequestCap ?? 0,
        };
    }

    private IServerSessionStore CreateStore(SessionIdConfig ids)
    {
        var options = new SessionStoreOptions(
            ids.Eviction == ConfigEviction.Lru ? TlsEviction.Lru : TlsEviction.Fifo,
            ids.CapacityEntries,
            ids.CapacityBytes,
            ids.EntryBytes,
            SimTime.FromTimeSpan(ids.Timeout))
        {
            Name = ids.Preset ?? "custom",
        };
        return SessionStorePresets.Create(options);
    }

    private TicketRotator CreateRotator(TicketConfig tickets, RandomStream stream, long now = 0)
    {
        var cipher = tickets.Cipher switch
        {
            TicketCipherKind.Aes256CbcHmacSha256 => TicketCipher.Aes256CbcHmacSha256,
            TicketCipherKind.Aes256Gcm => TicketCipher.Aes256Gcm,
            _ => TicketCipher.Aes128CbcHmacSha256,
        };
        var options = new TicketRotatorOptions(
            cipher,
            SimTime.FromTimeSpan(tickets.Rotate),
            SimTime.FromTimeSpan(tickets.Keep),
            MaxKeys: 64,
            SimTime.FromTimeSpan(tickets.Lifetime),
            tickets.Renew);
        return new TicketRotator(options, new EngineRandomBytes(stream), now);
    }

    private IServerSessionStore Track(IServerSessionStore store)
    {
        Stores.Add(store);
        return store;
    }

    private TicketRotator Track(TicketRotator rotator)
    {
        Rotators.Add(rotator);
        return rotator;
    }
}
