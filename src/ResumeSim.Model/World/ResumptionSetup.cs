using ResumeSim.Engine;
using ResumeSim.Model.Configuration;
using ResumeSim.Model.Presets;
using ResumeSim.Tls;

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
    private readonly KeyDistribution? _keys;

    /// <param name="maxServers">Servers the farm may ever hold (scale-out included).</param>
    /// <param name="ringsFrom">When the farm's key ring starts (ns; negative for a stationary start whose tickets were sealed before 0).</param>
    public ResumptionSetup(ScenarioConfig scenario, StrategyConfig strategy, RandomStreams streams, ulong seed, int maxServers, long ringsFrom = 0)
    {
        _scenario = scenario;
        _strategy = strategy;
        _streams = streams;
        if (strategy.SessionIds is { Store: StoreScope.Shared } ids)
        {
            var nodes = new IServerSessionStore[ids.Nodes];
            for (var n = 0; n < nodes.Length; n++)
            {
                nodes[n] = Track(CreateStore(ids));
            }

            SharedTier = new SharedCacheTier(
                nodes,
                seed,
                SimTime.FromTimeSpan(ids.Lookup),
                SimTime.FromTimeSpan(ids.Put),
                ids.NodeOpsPerSecond > 0 ? Math.Max(1, SimTime.FromSeconds(1 / ids.NodeOpsPerSecond)) : 0,
                SimTime.FromTimeSpan(ids.NodeTimeout));
        }

        if (strategy.Tickets is { Keys: KeyScope.Shared } tickets)
        {
            _keys = new KeyDistribution(RotatorOptions(tickets), streams.Get("ticket-keys-shared"), SimTime.FromTimeSpan(tickets.Propagation), scenario.Farm.Servers, maxServers, ringsFrom);
            if (_keys.Shared is { } shared)
            {
                Track(shared);
            }
        }
    }

    /// <summary>The farm-shared session cache, when ids are stored in one.</summary>
    public SharedCacheTier? SharedTier { get; }

    /// <summary>
    /// How long a ticket this strategy's servers issue is, for a session without server name or ALPN (the
    /// world's clients send neither); 0 when it issues none. Clients keep a ticket this long beside their
    /// cache head (<see cref="ClientSessionArena"/>).
    /// </summary>
    public static int IssuedTicketBytes(StrategyConfig strategy, ProtocolVersion version) =>
        strategy.Tickets is { } tickets
            ? TicketKey.SealedLength(
                RotatorOptions(tickets).Cipher,
                version == ProtocolVersion.Tls13 ? SessionState.FixedLength12 + SessionState.Tls13ExtraLength : SessionState.FixedLength12)
            : 0;

    /// <summary>Farm-shared ticket keys delivered to each server after a delay; null otherwise.</summary>
    public KeyDistribution? DistributedKeys => _keys is { Distributed: true } ? _keys : null;

    /// <summary>Every distinct session store (one shared, or one per server).</summary>
    public List<IServerSessionStore> Stores { get; } = [];

    /// <summary>Every distinct ticket key ring.</summary>
    public List<TicketRotator> Rotators { get; } = [];

    public bool SharedStore => SharedTier is not null;

    /// <summary>True for the one ring every server shares (it survives a server's restart).</summary>
    public bool IsFarmRing(TicketRotator ring) => ReferenceEquals(ring, _keys?.Shared);

    public bool PerServerKeys => _strategy.Tickets is { Keys: KeyScope.PerServer };

    /// <summary>Each server (or each worker of each server) has stores of its own, lost when it restarts.</summary>
    public bool PerServerStores => _strategy.SessionIds is { Store: StoreScope.PerServer or StoreScope.PerWorker } || SingleUseTicketStores;

    /// <summary>Stores live in each worker process: a connection finds only its own worker's sessions.</summary>
    public bool PerWorkerStores =>
        (_strategy.SessionIds is { Store: StoreScope.PerWorker } || SingleUseTicketStores) && _scenario.Farm.Workers > 1;

    // OpenSSL's single-use early-data tickets live in the process's own cache, one per worker.
    private bool SingleUseTicketStores =>
        _strategy is { SessionIds: null, Tickets: { EarlyData: true, AntiReplay: EarlyDataAntiReplay.SingleUseTickets } };


    /// <summary>The resumption state of server <paramref name="index"/>, new or after a restart.</summary>
    public ServerResumption CreateServer(int index, int incarnation, long now)
    {
        var stores = new IServerSessionStore[PerWorkerStores ? _scenario.Farm.Workers : 1];
        for (var w = 0; w < stores.Length; w++)
        {
            stores[w] = _strategy.SessionIds switch
            {
                // OpenSSL's single-use early-data tickets live in the process's own cache: its defaults, with the
                // tickets' lifetime as the timeout (ssl_lib.c SSL_CTX_new: 20480 sessions).
                null when _strategy.Tickets is { EarlyData: true, AntiReplay: EarlyDataAntiReplay.SingleUseTickets } tickets =>
                    Track(SessionStorePresets.Create(SessionStorePresets.OpenSsl() with { TimeoutNs = SimTime.FromTimeSpan(tickets.Lifetime) })),
                null => new NoSessionStore(),
                { Store: StoreScope.Shared } => SharedTier!,
                var ids => Track(CreateStore(ids)),
            };
        }

        var rotator = _strategy.Tickets switch
        {
            null => null,
            { Keys: KeyScope.Shared } when _keys!.Shared is { } shared => shared,
            { Keys: KeyScope.Shared } => Track(_keys.RingFor(index, now, new EngineRandomBytes(_streams.Get($"ticket-ring-{index}", incarnation)))),
            var tickets => OwnRing(index, incarnation, now),
        };
        return Assemble(index, incarnation, stores, rotator);
    }

    /// <summary>
    /// The same server and stores with another key ring: its own (<paramref name="own"/>, a key desync)
    /// or the farm's again. <paramref name="incarnation"/> must be new, so its random stream is too.
    /// </summary>
    public ServerResumption WithRing(ServerResumption current, int index, int incarnation, bool own, long now)
    {
        if (_strategy.Tickets is not { Keys: KeyScope.Shared })
        {
            return current;
        }

        var rotator = own ? OwnRing(index, incarnation, now)
            : _keys!.Shared ?? Track(_keys.RingFor(index, now, new EngineRandomBytes(_streams.Get($"ticket-ring-{index}", incarnation))));
        return Assemble(index, incarnation, [.. current.Stores], rotator);
    }

    private TicketRotator OwnRing(int index, int incarnation, long now) =>
        Track(new TicketRotator(RotatorOptions(_strategy.Tickets!), new EngineRandomBytes(_streams.Get($"ticket-keys-{index}", incarnation)), now));

    private ServerResumption Assemble(int index, int incarnation, IServerSessionStore[] stores, TicketRotator? rotator)
    {
        var random = new EngineRandomBytes(_streams.Get($"tls-server-{index}", incarnation));
        // 0-RTT anti-replay: a strike register per server over a 10 s freshness window (RFC 8446 8); the
        // other modes need none (the server's own store, or no check at all).
        var guard = _strategy.Tickets is { EarlyData: true, AntiReplay: EarlyDataAntiReplay.StrikeRegister }
            ? new EarlyDataGuard(SimTime.FromSeconds(10), 1 << 20)
            : null;
        var options = ServerOptions();
        var workers = new TlsServerState[stores.Length];
        for (var w = 0; w < workers.Length; w++)
        {
            // One random stream per server, as before workers existed: worker states draw from it in turn.
            workers[w] = new TlsServerState(options, stores[w], rotator, random, guard);
        }

        return new ServerResumption(workers, rotator);
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
            Certificate: _scenario.Protocol.Certificate)
        {
            SessionTimeoutNs = SimTime.FromTimeSpan(lifetime),
            KeyExchange = _scenario.Protocol.KeyExchange switch
            {
                KeyExchangeKind.P256 => KeyExchangeGroup.Secp256r1,
                KeyExchangeKind.X25519MlKem768 => KeyExchangeGroup.X25519MlKem768,
                _ => KeyExchangeGroup.X25519,
            },
            AllowPskKe = tickets is { PskDhe: false },
            TicketRequestCap = tickets?.TicketRequestCap ?? 0,
            AntiReplay = tickets?.AntiReplay ?? EarlyDataAntiReplay.StrikeRegister,
            Tls13AbsoluteExpiry = tickets?.Tls13AbsoluteExpiry ?? false,
            CachesStatelessTls13Sessions = tickets?.CachesStatelessTls13Sessions ?? false,
            Tls13RenewOnlyWithOldKey = tickets?.Tls13RenewOnlyWithOldKey ?? false,
        };
    }

    private static IServerSessionStore CreateStore(SessionIdConfig ids) =>
        SessionStorePresets.Create(SessionIdPresets.StoreOptions(ids, SimTime.FromTimeSpan(ids.Timeout)));

    private static TicketRotatorOptions RotatorOptions(TicketConfig tickets)
    {
        var cipher = tickets.Cipher switch
        {
            TicketCipherKind.Aes256CbcHmacSha256 => TicketCipher.Aes256CbcHmacSha256,
            TicketCipherKind.Aes256Gcm => TicketCipher.Aes256Gcm,
            _ => TicketCipher.Aes128CbcHmacSha256,
        };
        return new TicketRotatorOptions(
            cipher,
            SimTime.FromTimeSpan(tickets.Rotate),
            SimTime.FromTimeSpan(tickets.Keep),
            tickets.MaxKeys,
            SimTime.FromTimeSpan(tickets.Lifetime),
            tickets.Renew);
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
