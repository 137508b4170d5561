namespace ResumeSim.Benchmarks;

/// <summary>What <see cref="ScaleBenchmark.Run"/> measured, in one process.</summary>
public sealed record ScaleReport(
    int Clients,
    double CryptoFloorPairsPerSecond,
    IReadOnlyList<ScaleMeasurement> Serial,
    IReadOnlyList<ScaleMeasurement> Parallel,
    double ParallelWallSeconds,
    IReadOnlyList<(string Phase, long PeakRssBytes)> PeakRss)
{
    /// <summary>Wall time of the strategies one after the other over the wall time of all at once (null unless both ran).</summary>
    public double? Speedup => Serial.Count > 0 && Parallel.Count > 0 && ParallelWallSeconds > 0
        ? Serial.Sum(m => m.WallSeconds) / ParallelWallSeconds
        : null;
}
