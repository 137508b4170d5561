namespace ResumeSim.Model.Configuration;

/// <summary>
/// A fully resolved, validated scenario: everything one simulation needs, with units already
/// converted (times as <see cref="TimeSpan"/>, sizes in bytes, rates per second). Built by
/// <c>ResumeSim.Scenarios</c> from a YAML file; the key names of that file are in docs/scenarios.md.
/// </summary>
public sealed record ScenarioConfig
{
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    public ulong Seed { get; init; } = 1;

    /// <summary>Measured simulated time, after <see cref="Warmup"/>.</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>Simulated time run before measuring starts; its results are discarded.</summary>
    public TimeSpan Warmup { get; init; }

    /// <summary>
    /// Set for <c>warmup: auto</c>: <see cref="Warmup"/> is then found per strategy and replication by
    /// MSER-5 on a pilot run (<see cref="Steady.SteadyStateRunner"/>); null when the warm-up is written.
    /// </summary>
    public AutoWarmupConfig? AutoWarmup { get; init; }

    /// <summary>What clients and servers hold at time 0 (<c>start</c>).</summary>
    public StartState Start { get; init; } = StartState.Empty;

    public int Replications { get; init; } = 1;
    public required ClientsConfig Clients { get; init; }
    public PagesConfig Pages { get; init; } = new();
    public ProtocolConfig Protocol { get; init; } = new();
    public NetworkConfig Network { get; init; } = new();
    public FarmConfig Farm { get; init; } = new();
    public CostProfile Costs { get; init; } = CostProfile.Default;
    public required IReadOnlyList<StrategyConfig> Strategies { get; init; }
    public IReadOnlyList<FaultConfig> Faults { get; init; } = [];
    public OutputConfig Output { get; init; } = new();
}
