namespace ResumeSim.Bench;

/// <summary>What <see cref="ScaleBenchmark.Run"/> measures.</summary>
public sealed record ScaleBenchmarkOptions
{
    /// <summary>Clients to simulate instead of the scenario's count (null: the scenario's); per-server store capacities scale with it.</summary>
    public int? Clients { get; init; }

    /// <summary>Run each strategy alone on one thread, one after the other (the "one core" baseline).</summary>
    public bool Serial { get; init; } = true;

    /// <summary>Run every strategy at once, one thread each (the parallel-efficiency measurement).</summary>
    public bool Parallel { get; init; } = true;

    /// <summary>Serial runs report progress after each of this many slices of simulated time (1 = silent).</summary>
    public int ProgressSlices { get; init; } = 1;

    /// <summary>Ticket seal+open pairs timed for the crypto floor.</summary>
    public int CryptoFloorPairs { get; init; } = 200_000;

    /// <summary>Whether strategies run on threads of this process, in child processes, or both (see <see cref="ScaleIsolation"/>).</summary>
    public ScaleIsolation Isolation { get; init; } = ScaleIsolation.Thread;

    /// <summary>Starts the child processes; required unless <see cref="Isolation"/> is <see cref="ScaleIsolation.Thread"/>.</summary>
    public IBenchChildLauncher? Launcher { get; init; }
}
