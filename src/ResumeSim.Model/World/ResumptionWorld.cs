using System.Diagnostics.CodeAnalysis;
using ResumeSim.Engine;
using ResumeSim.Model.Configuration;
using ResumeSim.Model.Metrics;
using ResumeSim.Model.Runs;
using ResumeSim.Model.Steady;
using ResumeSim.Tls;

namespace ResumeSim.Model.World;

/// <summary>
/// The simulated world of one strategy and one replication: clients visit, open connections, a
/// balancer picks servers, servers queue handshakes for their cores and run the real resumption
/// core, clients keep what the servers issue. One event handler for every kind; entities in flight
/// live in pooled struct arrays addressed by the event's target.
/// </summary>
internal sealed partial class ResumptionWorld : IEventHandler, IEventPrefetcher
{
    private readonly ScenarioConfig _scenario;
    private readonly StrategyConfig _strategy;
    private readonly Simulation _sim;
    private readonly ClientPopulation _clients;
    private readonly ResumptionSetup _setup;
    private readonly ServerNode[] _servers;
    private readonly Balancer _balancer;
    private readonly MetricsRecorder _metrics;
    private readonly int[] _issuedBy;
    private readonly int[] _incarnations;

    /// <summary>Restarts of each server so far, so that a session lost with a restart can be told from one evicted.</summary>
    private readonly int[] _restarts;
    private readonly SlotPool<Connection> _connections = new();

    /// <summary>Every client's session cache: structs and ticket pages, no object per client (issue 9).</summary>
    private readonly ClientSessionArena _sessions;

    /// <summary>The ticket each connection in flight offers, copied out of the arena: one stride per connection slot.</summary>
    private byte[] _offerTickets = new byte[64 * ClientSessionArena.MaxTicketLength];
    private readonly SlotPool<PageVisit> _pages = new();
    private readonly ulong _seed;
    private readonly long _end;
    private readonly TlsVersion _version;
    private readonly int _hosts;
    private readonly TraceArrivals? _trace;
    private readonly VisitProcess _visits;
    private readonly ClientKind[] _kinds;

    /// <summary>Each client's last visit time, kept only when mobile clients need the gap.</summary>
    private readonly long[]? _lastVisit;
    private readonly double[] _costTicks;
    private readonly long _ticketSealTicks;
    private readonly long _ticketOpenTicks;
    private readonly long _storeOpTicks;
    private readonly long _connectionTicks;
    private readonly long _keyExchangeTicks;
    private readonly long _sessionTimeoutTicks;
    private readonly VisitRateTimeline _visitRates;
    private WarmupSnapshot _atWarmupEnd;

    /// <summary>The latest handshake completion so far: some complete without an event, so the clock alone does not say when the last one did.</summary>
    private long _lastCompletion;

    public ResumptionWorld(ScenarioConfig scenario, StrategyConfig strategy, int replication)
    {
        _scenario = scenario;
        _strategy = strategy;
        _seed = ReplicationSeed(scenario.Seed, replication);
        var streams = new RandomStreams(_seed);
        _sim = new Simulation();
        _clients = new ClientPopulation(scenario.Clients, _seed);
        var maxServers = MaxServers(scenario);
        _kinds = ResolveKinds(scenario);
        var stationary = scenario.Start == StartState.Stationary && StationaryStart.Unsupported(scenario, strategy) is null;

        // A stationary tickets start seals each client's ticket before time 0, so the key rings start with the oldest.
        var heldTickets = stationary && strategy is { SessionIds: null, Tickets: not null } ? DrawStationaryTickets() : null;
        var ringsFrom = heldTickets is { Count: > 0 } ? heldTickets[0].Created : 0;
        _setup = new ResumptionSetup(scenario, strategy, streams, _seed, maxServers, ringsFrom);
        _workers = _setup.PerWorkerStores ? scenario.Farm.Workers : 1;
        _accepts = _workers > 1 && !scenario.Farm.Reuseport ? new ExclusiveAccept?[maxServers] : null;

        var warmup = SimTime.FromTimeSpan(scenario.Warmup);
        _end = warmup + SimTime.FromTimeSpan(scenario.Duration);
        _metrics = new MetricsRecorder(warmup, _end, SimTime.FromTimeSpan(scenario.Output.Bucket), maxServers);

        // Servers that join by a scale-out are made when they join.
        _servers = new ServerNode[maxServers];
        _incarnations = new int[maxServers];
        _restarts = new int[maxServers];
        _desynced = new bool[maxServers];
        for (var i = 0; i < scenario.Farm.Servers; i++)
        {
            _servers[i] = new ServerNode(i, scenario.Farm.Cores, _setup.CreateServer(i, 0, ringsFrom));
            _live.Add(i);
            _metrics.AddUptime(warmup, _end, 1);
        }

        _created = scenario.Farm.Servers;
        _balancer = Balancer.Create(scenario.Farm, _servers, _seed);
        _visitRates = SurgeTimeline(scenario, warmup);
        _trace = scenario.Clients.Trace;
        _hosts = _trace?.HostCount ?? scenario.Pages.Hosts;
        _visits = new VisitProcess(scenario.Clients, _seed);
        _lastVisit = _visits.HasMobileClients ? new long[_clients.Count] : null;
        _issuedBy = LargeArrays.Allocate<int>(_clients.Count * _hosts);
        _sessions = new ClientSessionArena(_clients.Count, ResumptionSetup.IssuedTicketBytes(strategy, scenario.Protocol.Version));
        Array.Fill(_issuedBy, -1);
        _version = scenario.Protocol.Version == ProtocolVersion.Tls13 ? TlsVersion.Tls13 : TlsVersion.Tls12;

        _costTicks = CostTable(scenario);
        _ticketSealTicks = MicrosToTicks(scenario.Costs.TicketSealMicros);
        _ticketOpenTicks = MicrosToTicks(scenario.Costs.TicketOpenMicros);
        _storeOpTicks = MicrosToTicks(scenario.Costs.StoreOperationMicros);
        _connectionTicks = MicrosToTicks(scenario.Costs.ConnectionMicros);
        _keyExchangeTicks = scenario.Costs.TryGetKeyExchangeMicros(scenario.Protocol.KeyExchange, out var keyExchange)
            ? MicrosToTicks(keyExchange)
            : throw new InvalidOperationException($"cost profile '{scenario.Costs.Name}' has no cost for the {scenario.Protocol.KeyExchange} key exchange");
        _sessionTimeoutTicks = strategy.SessionIds is { } sessionIds ? SimTime.FromTimeSpan(sessionIds.Timeout) : long.MaxValue;

        for (var kind = EventKinds.Visit; kind <= EventKinds.FaultEnd; kind++)
        {
            _sim.Register(kind, this);
        }

        _sim.SetPrefetcher(this);
        if (stationary)
        {
            // Without resumption nothing is held, so the empty start is already the stationary one.
            if (strategy.SessionIds is not null)
            {
                StartStationary(_seed, streams);
            }
            else if (heldTickets is not null)
            {
                StartStationaryTickets(streams, heldTickets);
            }

            StartsStationary = true;
        }
    }

    public long EventsProcessed => _sim.EventsProcessed;

    /// <summary>Told of every completed connection, warm-up included (tests and trace export).</summary>
    public Action<ConnectionRecord>? Observer { get; set; }

    /// <summary>
    /// The seed of one replication: every strategy of a replication shares it (common random
    /// numbers), replications differ.
    /// </summary>
    public static ulong ReplicationSeed(ulong scenarioSeed, int replication) =>
        CounterRandom.Mix(scenarioSeed ^ CounterRandom.Mix((ulong)replication + 0x5EED));

    /// <summary>Runs the warm-up and the measured period and returns what was measured.</summary>
    /// <param name="replication">The replication number reported in the result.</param>
    /// <param name="sweepPoint">The sweep point reported in the result.</param>
    /// <param name="onSlice">Called after each of <paramref name="slices"/> equal slices of simulated time.</param>
    /// <param name="slices">How many slices to run the horizon in (for progress reports).</param>
    public StrategyRunResult Run(int replication, int sweepPoint, Action? onSlice = null, int slices = 1)
    {
        if (_trace is not null)
        {
            ScheduleTraceRow(0);
        }
        else
        {
            for (var c = 0; c < _clients.Count; c++)
            {
                ScheduleNextVisit(c, 0);
            }
        }

        _sim.Schedule(_metrics.Start, EventKinds.WarmupEnd, 0);
        _sim.Schedule(_metrics.Start + Math.Min(_metrics.BucketTicks, _end - _metrics.Start), EventKinds.BucketEnd, 0);
        for (var f = 0; f < _scenario.Faults.Count; f++)
        {
            _sim.Schedule(_metrics.Start + SimTime.FromTimeSpan(_scenario.Faults[f].At), EventKinds.Fault, f);
        }

        for (var slice = 1; slice <= slices; slice++)
        {
            _sim.Run(slice == slices ? _end : _end / slices * slice);
            onSlice?.Invoke();
        }

        // No visit starts after the end, but connections of measured visits still in flight are
        // run to completion, so every strategy counts exactly the same connections.
        while (_sim.Step())
        {
        }

        return BuildResult(replication, sweepPoint);
    }

    /// <summary>
    /// A visit reads its client's record and session cache (and the ticket it offers), a completed
    /// handshake that issued something the cache again, and a ClientHello its connection's record, the
    /// ticket it carries or, offering a session id, the server's store slot (which holds the session):
    /// among millions of clients and sessions each is a cache miss, so each is started early (a resumed
    /// handshake, nine in ten at scale, leaves the client's cache alone, so nothing is started for its
    /// completion). Loads that need an earlier one (a cache head says where its ticket is; a
    /// connection's record whose cache, which ticket copy and which store slot) start in
    /// <see cref="PrefetchAhead"/>, two events early, and the second load here, one event early.
    /// </summary>
    public void Prefetch(in Event next)
    {
        if (next.Kind == EventKinds.Visit)
        {
            _clients.Prefetch(next.Target);
            _sessions.Prefetch(next.Target);
            _sessions.PrefetchTicket(next.Target);
        }
        else if (next.Kind == EventKinds.HandshakeDone && _connections[next.Target].Keeps)
        {
            _sessions.Prefetch(_connections[next.Target].Client);
        }
        else if (next.Kind == EventKinds.HelloArrives)
        {
            PrefetchOfferedTicket(next.Target);
            if (TryPredictStore(next, out var store, out var id))
            {
                (store as IStoreSlotPrefetcher)?.PrefetchSlot(id);
            }
        }
    }

    /// <summary>
    /// Starts loading the ticket connection <paramref name="connection"/> offers, copied out of the client's
    /// cache when the connection opened, 1.5 RTT and thousands of events before the server opens it: by
    /// then the copy has left the cache, and the MAC's first read of it stalled (4% of a 3M-client ticket
    /// run's samples, in <c>SHA256_Update</c>'s copy; docs/performance.md, Follow-up 6).
    /// </summary>
    private void PrefetchOfferedTicket(int connection)
    {
        ref var c = ref _connections[connection];
        if (c.HasOffer && c.Offer.HasTicket)
        {
            LargeArrays.Prefetch(ref _offerTickets[connection * ClientSessionArena.MaxTicketLength], c.Offer.TicketLength);
        }
    }

    public void PrefetchAhead(in Event afterNext)
    {
        if (afterNext.Kind == EventKinds.Visit)
        {
            _clients.Prefetch(afterNext.Target);
            _sessions.Prefetch(afterNext.Target);
        }
        else if (afterNext.Kind is EventKinds.HandshakeDone or EventKinds.HelloArrives)
        {
            LargeArrays.Prefetch(ref _connections[afterNext.Target]);
        }
    }

    /// <summary>The store a ClientHello offering a session id will be looked up in, when the balancer can tell.</summary>
    private bool TryPredictStore(in Event hello, [NotNullWhen(true)] out IServerSessionStore? store, out SessionId id)
    {
        ref var c = ref _connections[hello.Target];
        store = null;
        id = c.HasOffer ? c.Offer.SessionId : SessionId.Empty;
        if (id.IsEmpty || !_balancer.TryPredict(new BalancerRequest(c.Client, c.DrawKey, id, hello.Time), out int server))
        {
            return false;
        }

        store = _servers[server].Resumption.For(PredictWorker(c, server)).Store;
        return true;
    }

    public void Handle(in Event e)
    {
        switch (e.Kind)
        {
            case EventKinds.Visit:
                OnVisit(e.Target, e.Time);
                break;
            case EventKinds.HelloArrives:
                OnHelloArrives(e.Target, e.Time, e.Sequence);
                break;
            case EventKinds.ServiceDone:
                OnServiceDone(e.Target, e.Arg, e.Time);
                break;
            case EventKinds.HandshakeDone:
                OnHandshakeDone(e.Target, e.Time);
                break;
            case EventKinds.BucketEnd:
                OnBucketEnd(e.Target, e.Time);
                break;
            case EventKinds.Fault:
                OnFault(_scenario.Faults[e.Target], e.Time);
                break;
            case EventKinds.FaultEnd:
                OnFaultEnd(_scenario.Faults[e.Target], e.Time);
                break;
            case EventKinds.WarmupEnd:
                _atWarmupEnd = WarmupSnapshot.Take(_setup);
                foreach (var store in _setup.Stores)
                {
                    store.Counters.StartExposureWindow();
                }

                _sampled = FarmCounters.Of(_setup.SharedTier, _balancer);
                break;
            case EventKinds.TraceVisit:
                OnTraceVisit(e.Target, e.Time);
                break;
            default:
                throw new InvalidOperationException($"unknown event kind {e.Kind}");
        }
    }

    /// <summary>
    /// A trace is replayed with one pending event: each row, when it runs, schedules the next, so
    /// a million-row trace costs one queue entry rather than a million (DESIGN.md section 3).
    /// </summary>
    private void ScheduleTraceRow(int row)
    {
        if (row < _trace!.Count && _trace.TimeTicks(row) < _end)
        {
            _sim.Schedule(_trace.TimeTicks(row), EventKinds.TraceVisit, row);
        }
    }
}
