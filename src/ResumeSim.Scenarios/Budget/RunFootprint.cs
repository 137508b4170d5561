using ResumeSim.Model.Configuration;

namespace ResumeSim.Scenarios.Budget;

/// <summary>
/// What one simulation of a scenario (one strategy, one replication) will hold in memory, estimated
/// from its counts before anything is allocated. The figures err high: a refused run costs a planner a
/// line in the file, a run that dies of memory after an hour costs the hour and maybe the machine.
/// </summary>
internal static class RunFootprint
{
    /// <summary>
    /// Per client with one host: 517 to 659 B were held per client at 1 to 10 million clients, the whole
    /// world and its session tables included (docs/performance.md, "Current figures").
    /// </summary>
    public const long BytesPerClient = 700;

    /// <summary>
    /// Per client and further host: a held session on the client and a session slot on a server; 321 B
    /// were measured (200,000 clients of 20 hosts against 1 host, per-server session IDs, 2026-12-03), rounded up.
    /// </summary>
    public const long BytesPerExtraHost = 400;

    /// <summary>Per time-series bucket: BucketSeries's sixteen 8-byte counters, and the uptime.</summary>
    public const long BytesPerBucket = 136;

    /// <summary>Per server and bucket: busy time, service moments, full and resumed counts (MetricsRecorder).</summary>
    public const long BytesPerServerBucket = 48;

    /// <summary>Per replayed trace row: its time, client and host (TraceArrivals).</summary>
    public const long BytesPerTraceRow = 16;

    /// <summary>
    /// Per session-ID store at its start: a table sized for min(capacity, 65,536) entries, at most 7/8
    /// full, 31 slots of 128 B to a 4 KiB page (SessionTable): 4,096 / 31 x 8 / 7 = 151 B, rounded up.
    /// Tables grow later with the sessions that the per-client figure counts.
    /// </summary>
    public const long BytesPerStartingStoreEntry = 152;

    /// <summary>
    /// Per session-ID store, whatever its capacity: the ring of remembered removals and the arena's first
    /// block; 45 KB were measured per store of 10 entries (20,000 servers, 2026-12-03), rounded up.
    /// </summary>
    public const long BytesPerStore = 48 << 10;

    /// <summary>
    /// Per server: its node, queue, key state and buffers; 12 KB were measured per server with one core
    /// and no session store (20,000 servers, 2026-12-03), rounded up.
    /// </summary>
    public const long BytesPerServer = 16 << 10;

    /// <summary>Per core of every server: its slot in the server's core array, rounded up.</summary>
    public const long BytesPerCore = 64;

    private const long StartingStoreEntries = 1 << 16;

    /// <summary>The servers a run can have at once: the initial ones and every scale-out.</summary>
    public static long MaxServers(ScenarioConfig config)
    {
        long servers = config.Farm.Servers;
        foreach (var fault in config.Faults)
        {
            servers += fault.Kind == FaultKind.ScaleOut ? fault.Count : 0;
        }

        return servers;
    }

    /// <summary>Time-series buckets of the measured period: duration / output.bucket, rounded up.</summary>
    public static long Buckets(ScenarioConfig config) =>
        Math.Max(1, (config.Duration.Ticks + config.Output.Bucket.Ticks - 1) / Math.Max(1, config.Output.Bucket.Ticks));

    public static double ClientBytes(ScenarioConfig config)
    {
        double clients = config.Clients.Trace?.ClientCount ?? config.Clients.Count;
        return clients * (BytesPerClient + ((config.Pages.Hosts - 1) * BytesPerExtraHost));
    }

    public static double ServerBytes(ScenarioConfig config) =>
        (double)MaxServers(config) * (BytesPerServer + (config.Farm.Cores * BytesPerCore));

    public static double MetricsBytes(ScenarioConfig config)
    {
        double buckets = Buckets(config);
        return (buckets * BytesPerBucket) + (buckets * MaxServers(config) * BytesPerServerBucket);
    }

    public static double TraceBytes(ScenarioConfig config) => (config.Clients.Trace?.Count ?? 0) * (double)BytesPerTraceRow;

    /// <summary>The starting session-ID tables of the strategy that needs the most.</summary>
    public static double StoreBytes(ScenarioConfig config)
    {
        double most = 0;
        foreach (var strategy in config.Strategies)
        {
            if (strategy.SessionIds is not { } ids)
            {
                continue;
            }

            var entries = ids.CapacityEntries > 0 ? ids.CapacityEntries : ids.CapacityBytes / Math.Max(1, ids.EntryBytes);
            var stores = ids.Store switch
            {
                StoreScope.PerServer => MaxServers(config),
                StoreScope.PerWorker => MaxServers(config) * config.Farm.Workers,
                _ => ids.Nodes,
            };
            most = Math.Max(most, (double)stores * (BytesPerStore + (Math.Min(entries, StartingStoreEntries) * BytesPerStartingStoreEntry)));
        }

        return most;
    }

    /// <summary>The whole estimate, in floating point so that no product of hostile counts can wrap.</summary>
    public static double TotalBytes(ScenarioConfig config) =>
        ClientBytes(config) + ServerBytes(config) + MetricsBytes(config) + TraceBytes(config) + StoreBytes(config);
}
