using System.Globalization;
using ResumeSim.Model.Configuration;
using ResumeSim.Tls;

namespace ResumeSim.Bench.Peers;

/// <summary>
/// The peer scenario (benchmarks/peers/peers.yaml) as numbers every simulator can take: what ResumeSim
/// reads from the file, the peers get on their command line (<see cref="Arguments"/>). <see cref="From"/>
/// refuses a scenario with anything the peers do not model, so a comparison never rests on a setting
/// only one side honours.
/// </summary>
public sealed record PeerScenario
{
    public required ScenarioConfig Config { get; init; }

    public required IReadOnlyList<PeerStrategy> Strategies { get; init; }

    public int Clients => Config.Clients.Count;

    public double VisitsPerHour => Config.Clients.VisitsPerSecond * 3600;

    public double DurationSeconds => Config.Duration.TotalSeconds;

    public required double RttMilliseconds { get; init; }

    public required double BaseMicros { get; init; }

    public required double FullMicros { get; init; }

    public required double ResumedMicros { get; init; }

    /// <summary>How long the client (Chrome) offers a TLS 1.2 session after its full handshake.</summary>
    public required double ClientLifetimeSeconds { get; init; }

    /// <summary>Connections a run is expected to open: clients x visits per client.</summary>
    public double ExpectedConnections => Clients * Config.Clients.VisitsPerSecond * DurationSeconds;

    /// <summary>Reads the scenario, or throws <see cref="ArgumentException"/> naming every setting the peers do not model.</summary>
    public static PeerScenario From(ScenarioConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var problems = new List<string>();
        void Require(bool holds, string what)
        {
            if (!holds)
            {
                problems.Add(what);
            }
        }

        var clients = config.Clients;
        Require(clients.Trace is null, "clients: visits from a trace");
        Require(clients.Popularity.Kind == PopularityKind.Uniform, "clients.popularity must be uniform");
        Require(clients.Process.Kind == VisitProcessKind.Poisson && clients.Process.Diurnal is null, "clients.visits must be Poisson without a diurnal curve");
        Require(clients.Churn == 0 && clients.Mobile is null, "clients: no churn and no mobile clients");
        Require(clients.Rtt.Kind == RttKind.Fixed, "clients.rtt must be fixed");
        Require(clients.Mix is [{ Preset: "chrome", LifetimeCap: null, CacheEntries: null, SessionsPerKey: null, Wait: null, Connections: null, TicketRequest: false }],
            "clients.mix must be chrome alone, without overrides");
        Require(config.Pages.Hosts == 1 && config.Pages.Connections == 1, "pages: one host, one connection per visit");
        Require(config.Protocol.Version == ProtocolVersion.Tls12 && config.Protocol.KeyExchange == KeyExchangeKind.X25519, "tls: version 1.2 with x25519");
        Require(config.Farm.Workers == 1 && config.Farm.Balancer == BalancerKind.SourceHash, "farm: one worker, balancer source-hash");
        Require(config.Warmup == TimeSpan.Zero && config.AutoWarmup is null && config.Start == StartState.Empty, "warmup: 0s from an empty start");
        Require(config.Faults.Count == 0, "faults: none");
        var costs = config.Costs;
        Require(costs.ServiceTime == ServiceTimeDistribution.Fixed && costs.TicketSealMicros == 0 && costs.TicketOpenMicros == 0 && costs.StoreOperationMicros == 0,
            "costs: fixed, with no per-operation costs");
        costs.TryGetHandshakeMicros(ProtocolVersion.Tls12, config.Protocol.Certificate, CostedHandshake.Full, out var full);
        costs.TryGetHandshakeMicros(ProtocolVersion.Tls12, config.Protocol.Certificate, CostedHandshake.Resumed, out var resumed);

        var strategies = new List<PeerStrategy>();
        foreach (var s in config.Strategies)
        {
            if (s is { SessionIds: { Store: StoreScope.PerServer, Eviction: StoreEviction.Fifo, CapacityEntries: > 0, CapacityBytes: 0, Preset: null } ids, Tickets: null })
            {
                strategies.Add(new PeerStrategy(s.Name, "ids", ids.CapacityEntries, ids.Timeout.TotalSeconds, 0, 0, 0));
            }
            else if (s is { SessionIds: null, Tickets: { Keys: KeyScope.Shared, Preset: null } t } && t.Propagation == TimeSpan.Zero && t.Renew)
            {
                strategies.Add(new PeerStrategy(s.Name, "tickets", 0, 0, t.Lifetime.TotalSeconds, t.Rotate.TotalSeconds, t.Keep.TotalSeconds));
            }
            else
            {
                problems.Add($"strategy '{s.Name}' must be per-server FIFO session ids with a capacity in entries, or farm-shared tickets with instant key propagation");
            }
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException($"scenario '{config.Name}' has settings the peer simulators do not model: {string.Join("; ", problems)}", nameof(config));
        }

        return new PeerScenario
        {
            Config = config,
            Strategies = strategies,
            RttMilliseconds = clients.Rtt.Median.TotalMilliseconds,
            BaseMicros = costs.ConnectionMicros,
            FullMicros = full,
            ResumedMicros = resumed,
            ClientLifetimeSeconds = ClientPresets.Chrome.Tls12LifetimeCapNs / 1e9,
        };
    }

    /// <summary>The scenario with as many clients as give about <paramref name="connections"/> connections; store capacities scale with them.</summary>
    public PeerScenario AtConnections(long connections)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(connections, 1);
        var perClient = Config.Clients.VisitsPerSecond * DurationSeconds;
        var clients = (int)Math.Clamp(Math.Round(connections / perClient), 1, int.MaxValue);
        return From(ScaleBenchmark.Scale(Config, clients));
    }

    /// <summary>A peer's command-line arguments for one strategy, <c>--name=value</c> (argparse and ns-3's CommandLine both read them).</summary>
    public IReadOnlyList<string> Arguments(PeerStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        var arguments = new List<string>();
        void Add(string name, double value) => arguments.Add(string.Create(CultureInfo.InvariantCulture, $"--{name}={value:R}"));
        void AddWhole(string name, ulong value) => arguments.Add(string.Create(CultureInfo.InvariantCulture, $"--{name}={value}"));
        arguments.Add($"--strategy={strategy.Kind}");
        AddWhole("clients", (ulong)Clients);
        AddWhole("servers", (ulong)Config.Farm.Servers);
        AddWhole("cores", (ulong)Config.Farm.Cores);
        Add("visits-per-hour", VisitsPerHour);
        Add("duration-s", DurationSeconds);
        Add("rtt-ms", RttMilliseconds);
        Add("base-us", BaseMicros);
        Add("full-us", FullMicros);
        Add("resumed-us", ResumedMicros);
        Add("client-lifetime-s", ClientLifetimeSeconds);
        if (strategy.Kind == "ids")
        {
            AddWhole("capacity", (ulong)strategy.Capacity);
            Add("timeout-s", strategy.TimeoutSeconds);
        }
        else
        {
            Add("lifetime-s", strategy.LifetimeSeconds);
            Add("rotate-s", strategy.RotateSeconds);
            Add("keep-s", strategy.KeepSeconds);
        }

        AddWhole("seed", Config.Seed);
        return arguments;
    }
}
