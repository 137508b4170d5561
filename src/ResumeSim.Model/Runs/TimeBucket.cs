namespace ResumeSim.Model.Runs;

/// <summary>One time-series bucket of the measured period.</summary>
/// <param name="StartSeconds">Bucket start, seconds since the measured period began.</param>
public sealed record TimeBucket(
    double StartSeconds,
    long Arrivals,
    long Connections,
    long Full,
    long Resumed,
    double ResumptionRate,
    double CpuUtilization,
    int QueueLengthMax,
    long StoreEntries,
    long StoreBytes,
    long TicketsRejected);
