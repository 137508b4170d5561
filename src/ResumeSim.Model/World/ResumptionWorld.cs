using ResumeSim.Engine;
using ResumeSim.Model.Arrivals;
using ResumeSim.Model.Balancing;
using ResumeSim.Model.Clients;
using ResumeSim.Model.Completion;
using ResumeSim.Model.Configuration;
using ResumeSim.Model.Faults;
using ResumeSim.Model.Metrics;
using ResumeSim.Model.Randomness;
using ResumeSim.Model.Runs;
using ResumeSim.Model.Servers;
using ResumeSim.Model.Steady;
using ResumeSim.Tls;

namespace ResumeSim.Model.World;

/// <summary>
/// Wires the parts of one strategy's world for one replication and runs its event loop: arrivals open
/// connections, the balancer picks a server, the server queues the handshake for a core and runs the real
/// resumption core, the client cache keeps what it issued, completion is counted; faults act on the farm.
/// </summary>
/// <remarks>
/// One event handler for every kind; entities in flight (connections, page visits) live in pooled struct
/// arrays addressed by the event's target. Each part owns its state (folders Arrivals, Balancing, Servers,
/// Clients, Completion, Metrics, Faults); the world holds the connections in flight and passes them along.
/// </remarks>
internal sealed partial class ResumptionWorld : IEventHandler, IEventPrefetcher
{
    private readonly ScenarioConfig _scenario;
    private readonly StrategyConfig _strategy;
    private readonly Simulation _sim;
    private readonly ClientPopulation _clients;
    private readonly ClientKind[] _kinds;
    private readonly VisitScheduler _arrivals;
    private readonly Balancer _balancer;

    /// <summary>
    /// The balancer when it is a pure hash of the client, whose choice a prefetch may ask for ahead of the
    /// ClientHello without changing anything; null for the other policies, whose choice is only made once.
    /// </summary>
    private readonly SourceHashBalancer? _predictable;
    private readonly ResumptionSetup _setup;
    private readonly Farm _farm;

    /// <summary>The farm-shared session cache, when ids are stored in one; its delays are added to handshakes.</summary>
    private readonly SharedCacheTier? _tier;

    /// <summary>The farm's server slots (<see cref="Farm.Nodes"/>), held here for the hot path.</summary>
    private readonly ServerNode[] _servers;
    private readonly WorkerAssignment _workers;
    private readonly ConnectionCosts _costs;
    private readonly ClientCaches _caches;
    private readonly IssuerLedger _issuers;
    private readonly CompletionTally _tally;
    private readonly MetricsRecorder _metrics;
    private readonly BucketSampler _sampler;
    private readonly FaultTimeline _faults;
    private readonly SlotPool<Connection> _connections = new();
    private readonly SlotPool<PageVisit> _pages = new();
    private readonly ulong _seed;
    private readonly long _end;
    private readonly int _hosts;

    /// <summary>The latest handshake completion so far: some complete without an event, so the clock alone does not say when the last one did.</summary>
    private long _lastCompletion;

    public ResumptionWorld(ScenarioConfig scenario, StrategyConfig strategy, int replication)
    {
        _scenario = scenario;
        _strategy = strategy;
        _seed = ReplicationSeed(scenario.Seed, replication);
        var streams = new RandomStreams(_seed);
        _sim = new Simulation();
        var version = scenario.Protocol.Version == ProtocolVersion.Tls13 ? TlsVersion.Tls13 : TlsVersion.Tls12;
        var issuedTicketBytes = ResumptionSetup.IssuedTicketBytes(strategy, scenario.Protocol.Version);
        var recordsInCaches = ClientPopulation.FitsBesideCaches(issuedTicketBytes);
        _caches = new ClientCaches(scenario.Clients.Count, issuedTicketBytes, version, strategy.Tickets, recordsInCaches ? ClientPopulation.RecordBytes : 0);
        _clients = new ClientPopulation(scenario.Clients, _seed, recordsInCaches ? _caches : null);
        var maxServers = FaultTimeline.MaxServers(scenario);
        _kinds = ResolveKinds(scenario);
        var stationary = scenario.Start == StartState.Stationary && StationaryStart.Unsupported(scenario, strategy) is null;

        // A stationary tickets start seals each client's ticket before time 0, so the key rings start with the oldest.
        var heldTickets = stationary && strategy is { SessionIds: null, Tickets: not null } ? DrawStationaryTickets() : null;
        var ringsFrom = heldTickets is { Count: > 0 } ? heldTickets[0].Created : 0;
        _setup = new ResumptionSetup(scenario, strategy, streams, _seed, maxServers, ringsFrom);
        _tier = _setup.SharedTier;

        var warmup = SimTime.FromTimeSpan(scenario.Warmup);
        _end = warmup + SimTime.FromTimeSpan(scenario.Duration);
        _metrics = new MetricsRecorder(warmup, _end, SimTime.FromTimeSpan(scenario.Output.Bucket), maxServers);

        _workers = new WorkerAssignment(_setup.PerWorkerStores ? scenario.Farm.Workers : 1, scenario.Farm.Reuseport, maxServers, _seed);
        _farm = new Farm(_setup, _workers, scenario.Farm.Servers, maxServers, scenario.Farm.Cores, ringsFrom);
        _servers = _farm.Nodes;
        for (var i = 0; i < scenario.Farm.Servers; i++)
        {
            _metrics.AddUptime(warmup, _end, 1);
        }

        _balancer = Balancer.Create(scenario.Farm, _servers, _seed);
        _predictable = _balancer as SourceHashBalancer;
        _arrivals = new VisitScheduler(_sim, _clients, scenario.Clients, _seed, FaultTimeline.Surges(scenario, warmup), _end);
        _hosts = _arrivals.Trace?.HostCount ?? scenario.Pages.Hosts;
        var sessionTimeout = strategy.SessionIds is { } sessionIds ? SimTime.FromTimeSpan(sessionIds.Timeout) : long.MaxValue;
        _issuers = new IssuerLedger(_clients.Count, _hosts, _farm, _setup, version == TlsVersion.Tls13, sessionTimeout);
        _costs = new ConnectionCosts(scenario, strategy, _seed);
        _tally = new CompletionTally(_metrics);
        _sampler = new BucketSampler(_metrics, _setup, _farm, _balancer);
        _faults = new FaultTimeline(scenario.Faults, _sim, _farm, _setup.SharedTier, _balancer, _metrics, _end);

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

    /// <summary>Told of every ready page visit, warm-up included (tests and trace export).</summary>
    public Action<PageRecord>? PageObserver { get; set; }

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
        _arrivals.ScheduleFirst();
        _sim.Schedule(_metrics.Start, EventKinds.WarmupEnd, 0);
        _sim.Schedule(_metrics.Start + Math.Min(_metrics.BucketTicks, _end - _metrics.Start), EventKinds.BucketEnd, 0);
        _faults.ScheduleAll(_metrics.Start);
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

        // The run ends with its last event or its last handshake, whichever is later.
        var runEnd = Math.Max(_end, Math.Max(_sim.Now, _lastCompletion));
        var exposure = new ExposureReport(_setup, _strategy, _metrics.Start, _end).Measure(runEnd);
        var facts = new RunResultBuilder.RunFacts(_farm.Created, _sampler.AtWarmupEnd, exposure, _sim.EventsProcessed, StartsStationary);
        return new RunResultBuilder(_scenario, _strategy, _metrics, _setup).Build(replication, sweepPoint, facts);
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
                _faults.Start(e.Target, e.Time);
                break;
            case EventKinds.FaultEnd:
                _faults.End(e.Target, e.Time);
                break;
            case EventKinds.WarmupEnd:
                _sampler.OnWarmupEnd();
                break;
            case EventKinds.TraceVisit:
                OnTraceVisit(e.Target, e.Time);
                break;
            default:
                throw new InvalidOperationException($"unknown event kind {e.Kind}");
        }
    }

    private static ClientKind[] ResolveKinds(ScenarioConfig scenario)
    {
        var mix = scenario.Clients.Mix;
        var kinds = new ClientKind[mix.Count];
        for (var i = 0; i < kinds.Length; i++)
        {
            kinds[i] = ClientKind.Resolve(mix[i], scenario.Pages);
        }

        return kinds;
    }

    /// <summary>Samples the bucket that ends now and schedules the next bucket's end.</summary>
    private void OnBucketEnd(int bucket, long now)
    {
        _sampler.Sample(bucket, now);
        if (bucket + 1 < _metrics.Buckets)
        {
            _sim.Schedule(Math.Min(_end, now + _metrics.BucketTicks), EventKinds.BucketEnd, bucket + 1);
        }
    }

    /// <summary>The session-cache behaviour of <paramref name="client"/>'s kind.</summary>
    private ClientPreset PresetOf(int client) => _kinds[_clients.KindOf(client)].Preset;
}
