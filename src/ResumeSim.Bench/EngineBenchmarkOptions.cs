namespace ResumeSim.Bench;

/// <summary>What <see cref="EngineBenchmark.Run"/> measures. The defaults are the full benchmark's sizes (docs/performance.md).</summary>
public sealed record EngineBenchmarkOptions
{
    /// <summary>Reduced sizes for CI (well under 20 s): holds at 10^4 and 10^5 pending, M/M/c with 200k customers.</summary>
    public bool Quick { get; init; }

    /// <summary>Runs per measurement; the report gives the median (and min/max).</summary>
    public int Repetitions { get; init; } = 3;

    /// <summary>Master seed of every random stream used.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Overrides the pending-event counts of the hold model.</summary>
    public IReadOnlyList<int>? HoldSizes { get; init; }

    /// <summary>Overrides the number of M/M/c customers.</summary>
    public long? MmcCustomers { get; init; }

    /// <summary>Pending-event counts of the hold model.</summary>
    public IReadOnlyList<int> EffectiveHoldSizes => HoldSizes ?? (Quick ? [10_000, 100_000] : [10_000, 1_000_000, 10_000_000]);

    /// <summary>M/M/c customers (c = 8, utilisation 0.8).</summary>
    public long EffectiveMmcCustomers => MmcCustomers ?? (Quick ? 200_000 : 10_000_000);

    /// <summary>Timed holds for a population of <paramref name="pending"/>: at least one per pending event.</summary>
    public long TimedHolds(int pending) => Quick ? Math.Max(200_000, pending) : Math.Max(1_000_000, pending);

    /// <summary>Untimed holds before timing, so the population reaches its steady spread of times.</summary>
    public long WarmupHolds(int pending) => Math.Min(pending, Quick ? 100_000 : 1_000_000);
}
