namespace ResumeSim.Bench;

/// <summary>What <see cref="ScaleBenchmark.Run"/> measured.</summary>
/// <param name="Serial">Each strategy alone, one after the other: in this process, or each in a fresh child process (then also in <see cref="SerialChildren"/>).</param>
/// <param name="Parallel">All strategies at once on one thread each, in this process (empty if that phase did not run).</param>
/// <param name="ParallelWallSeconds">Wall time of the in-process parallel phase.</param>
/// <param name="PeakRss">Peak RSS per phase of this process: a strategy's name for its serial run, <c>parallel</c> for the threads.</param>
public sealed record ScaleReport(
    int Clients,
    double CryptoFloorPairsPerSecond,
    IReadOnlyList<ScaleMeasurement> Serial,
    IReadOnlyList<ScaleMeasurement> Parallel,
    double ParallelWallSeconds,
    IReadOnlyList<(string Phase, long PeakRssBytes)> PeakRss)
{
    /// <summary>The serial runs when each ran in its own child process (empty when they ran in this process).</summary>
    public IReadOnlyList<ScaleChildResult> SerialChildren { get; init; } = [];

    /// <summary>All strategies at once, one child process each (empty if that phase did not run).</summary>
    public IReadOnlyList<ScaleChildResult> ParallelChildren { get; init; } = [];

    /// <summary>From the first child's world starting to the last one's finishing, in the parallel child-process phase.</summary>
    public double ParallelChildrenWallSeconds { get; init; }

    /// <summary>Process CPU time of the in-process parallel phase (all threads, GC included).</summary>
    public double ParallelCpuSeconds { get; init; }

    /// <summary>
    /// The best speed-up these strategies allow on one core each: all of them one after the other over
    /// the longest alone. Two strategies of unequal length cannot reach 2x however well they run side by side.
    /// </summary>
    public double SpeedupBound => Serial.Count > 0 ? Serial.Sum(m => m.WallSeconds) / Serial.Max(m => m.WallSeconds) : double.NaN;

    /// <summary>Wall time of the strategies one after the other over the wall time of all at once on threads (null unless both ran).</summary>
    public double? Speedup => Serial.Count > 0 && Parallel.Count > 0 && ParallelWallSeconds > 0
        ? Serial.Sum(m => m.WallSeconds) / ParallelWallSeconds
        : null;

    /// <summary>Wall time of the strategies one after the other over the wall time of all at once in child processes (null unless both ran).</summary>
    public double? ProcessSpeedup => Serial.Count > 0 && ParallelChildren.Count > 0 && ParallelChildrenWallSeconds > 0
        ? Serial.Sum(m => m.WallSeconds) / ParallelChildrenWallSeconds
        : null;
}
