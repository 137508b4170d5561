namespace ResumeSim.Model.Runs;

/// <summary>One time-series bucket of the measured period.</summary>
/// <param name="StartSeconds">Bucket start, seconds since the measured period began.</param>
/// <param name="CpuUtilization">Farm: busy core time over the core time of the servers present in the bucket.</param>
/// <param name="CpuUtilizationByServer">Each server's busy core time over its cores times the bucket (0 while absent or down).</param>
/// <param name="FullByServer">Each server's full handshakes of connections that started in the bucket.</param>
/// <param name="ResumedByServer">Each server's resumed handshakes of connections that started in the bucket.</param>
/// <param name="ServiceMeanMsByServer">Each server's mean handshake service time in the bucket, ms (0 without handshakes).</param>
/// <param name="ServersUp">Servers taking connections at the bucket's end.</param>
/// <param name="CacheDelayMs">Mean delay a shared-cache operation added (network, node queue, timeout), ms; 0 without operations.</param>
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
    long TicketsRejected)
{
    public IReadOnlyList<double> CpuUtilizationByServer { get; init; } = [];
    public IReadOnlyList<long> FullByServer { get; init; } = [];
    public IReadOnlyList<long> ResumedByServer { get; init; } = [];
    public IReadOnlyList<double> ServiceMeanMsByServer { get; init; } = [];
    public int ServersUp { get; init; }
    public long CacheLookups { get; init; }
    public long CachePuts { get; init; }
    public long CacheFailed { get; init; }
    public double CacheDelayMs { get; init; }
    public long StickEvictions { get; init; }
}
