namespace ResumeSim.Bench.Peers;

/// <summary>What <see cref="PeerBenchmark.Run"/> runs.</summary>
public sealed record PeerBenchmarkOptions
{
    /// <summary>Connections per run (about: clients are connections / visits per client).</summary>
    public required IReadOnlyList<long> Sizes { get; init; }

    /// <summary>Runs of each simulator, strategy and size; the run of median CPU time is reported.</summary>
    public int Repetitions { get; init; } = 1;

    /// <summary>Where peers are compiled (kept between runs) and where each run writes its output (a fresh folder inside).</summary>
    public required string BuildFolder { get; init; }
}
