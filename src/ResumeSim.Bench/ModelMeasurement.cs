namespace ResumeSim.Bench;

/// <summary>One strategy's run of the model benchmark.</summary>
public sealed record ModelMeasurement(
    string Strategy,
    long Connections,
    long Events,
    double WallSeconds,
    double ConnectionsPerSecond,
    double EventsPerSecond,
    double AllocatedBytesPerConnection,
    double HeldBytesPerClient,
    double CryptoFloorPairsPerSecond,
    double ResumptionRate,
    double CpuSeconds)
{
    /// <summary>
    /// Connections per second of CPU time used by the process while the strategy ran: on a shared
    /// machine the wall clock counts time the thread waited for a core, CPU time does not.
    /// </summary>
    public double ConnectionsPerCpuSecond => Connections / CpuSeconds;
}
