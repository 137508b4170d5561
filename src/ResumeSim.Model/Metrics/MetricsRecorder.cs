using ResumeSim.Tls;

namespace ResumeSim.Model.Metrics;

/// <summary>
/// Everything one run measures. Only the measured window [start, end) counts: a connection counts
/// when it starts inside it; CPU busy time is clipped to it; the warm-up is discarded
/// (DESIGN.md section 5). Time series have one bucket per <c>output.bucket</c> of the window.
/// </summary>
internal sealed class MetricsRecorder
{
    private readonly long _bucketTicks;
    private readonly double[] _busyByServerBucket;
    private readonly ServiceMoments[] _servicesByServerBucket;
    private readonly long[] _fullByServerBucket;
    private readonly long[] _resumedByServerBucket;
    private readonly double[] _uptimeByBucket;

    public MetricsRecorder(long start, long end, long bucketTicks, int servers)
    {
        Start = start;
        End = end;
        _bucketTicks = bucketTicks;
        Servers = servers;
        Buckets = (int)Math.Max(1, (end - start + bucketTicks - 1) / bucketTicks);
        _busyByServerBucket = new double[servers * Buckets];
        _servicesByServerBucket = new ServiceMoments[servers * Buckets];
        _fullByServerBucket = new long[servers * Buckets];
        _resumedByServerBucket = new long[servers * Buckets];
        Series = new BucketSeries(Buckets);
        _uptimeByBucket = new double[Buckets];
    }

    public long Start { get; }

    public long End { get; }

    public int Servers { get; }

    public int Buckets { get; }

    public long BucketTicks => _bucketTicks;

    public long Connections { get; set; }

    /// <summary>Connections whose ClientHello offered a session ID or a ticket.</summary>
    public long Offered { get; set; }

    public long Full { get; set; }

    public long ResumedById { get; set; }

    public long ResumedByTicket { get; set; }

    public long ResumedPsk { get; set; }

    public long ZeroRtt { get; set; }

    public long Pages { get; set; }

    public long TicketsIssued { get; set; }

    public long TicketsRejected { get; set; }

    public long TicketsRenewed { get; set; }

    public long HandshakeBytes { get; set; }

    public long[] Misses { get; } = new long[Enum.GetValues<MissReason>().Length];

    public LatencyRecorder Handshake { get; } = new();

    public LatencyRecorder Page { get; } = new();

    public LatencyRecorder QueueWait { get; } = new();

    /// <summary>Connection start to the first response byte of its first request.</summary>
    public LatencyRecorder FirstByte { get; } = new();

    /// <summary>0-RTT offered and refused (replay, freshness window, full record, not allowed).</summary>
    public long EarlyDataRejected { get; set; }

    /// <summary>Visits that found the client's sessions dropped by churn or a network change.</summary>
    public long VisitsWithSessionsDropped { get; set; }

    public BucketSeries Series { get; }

    public bool InWindow(long time) => time >= Start && time < End;

    public int BucketOf(long time) => (int)((time - Start) / _bucketTicks);

    /// <summary>Adds a core's busy interval [from, to) of one server, clipped to the window and split across buckets.</summary>
    public void AddBusy(int server, long from, long to)
    {
        from = Math.Max(from, Start);
        to = Math.Min(to, End);
        while (from < to)
        {
            var bucket = BucketOf(from);
            var bucketEnd = Start + ((bucket + 1) * _bucketTicks);
            var until = Math.Min(to, bucketEnd);
            _busyByServerBucket[(server * Buckets) + bucket] += until - from;
            from = until;
        }
    }

    /// <summary>Core-nanoseconds spent on handshakes (the profile's handshake part, not the per-connection base), clipped to the window.</summary>
    public double HandshakeBusyNanos { get; private set; }

    /// <summary>Adds the handshake part [from, to) of a core's busy interval, clipped to the window.</summary>
    public void AddHandshakeBusy(long from, long to)
    {
        from = Math.Max(from, Start);
        to = Math.Min(to, End);
        if (from < to)
        {
            HandshakeBusyNanos += to - from;
        }
    }

    /// <summary>
    /// Adds (<paramref name="sign"/> 1) or removes (-1) one server's presence over [from, to), clipped
    /// to the window: farm utilization divides busy time by the server-time that was there to serve.
    /// </summary>
    public void AddUptime(long from, long to, int sign)
    {
        from = Math.Max(from, Start);
        to = Math.Min(to, End);
        while (from < to)
        {
            var bucket = BucketOf(from);
            var until = Math.Min(to, Start + ((bucket + 1) * _bucketTicks));
            _uptimeByBucket[bucket] += sign * (double)(until - from);
            from = until;
        }
    }

    /// <summary>Server-nanoseconds of presence in one bucket (servers times bucket length without faults).</summary>
    public double Uptime(int bucket) => _uptimeByBucket[bucket];

    /// <summary>Counts one handshake's service time in the bucket where it started (for the queue-wait capacity target).</summary>
    public void AddService(int server, long start, long duration)
    {
        if (InWindow(start))
        {
            _servicesByServerBucket[(server * Buckets) + BucketOf(start)].Add(duration);
        }
    }

    /// <summary>Handshakes started, and the moments of their service times, of one server in one bucket.</summary>
    public ServiceMoments Services(int server, int bucket) => _servicesByServerBucket[(server * Buckets) + bucket];

    /// <summary>Counts one handshake of <paramref name="server"/> in <paramref name="bucket"/> (its connection's start), full or resumed.</summary>
    public void CountHandshake(int server, int bucket, bool full)
    {
        if (full)
        {
            _fullByServerBucket[(server * Buckets) + bucket]++;
        }
        else
        {
            _resumedByServerBucket[(server * Buckets) + bucket]++;
        }
    }

    /// <summary>Full handshakes of one server whose connection started in one bucket.</summary>
    public long FullOf(int server, int bucket) => _fullByServerBucket[(server * Buckets) + bucket];

    /// <summary>Resumed handshakes of one server whose connection started in one bucket.</summary>
    public long ResumedOf(int server, int bucket) => _resumedByServerBucket[(server * Buckets) + bucket];

    /// <summary>Busy core-nanoseconds of one server in one bucket.</summary>
    public double BusyNanos(int server, int bucket) => _busyByServerBucket[(server * Buckets) + bucket];

    /// <summary>Length of a bucket inside the window (the last one may be short).</summary>
    public long BucketLength(int bucket) => Math.Min(_bucketTicks, End - (Start + (bucket * _bucketTicks)));
}
