namespace ResumeSim.Tls;

/// <summary>
/// Store shapes copied from real servers; each cites its row in <c>shared/reference/parameters.md</c>.
/// </summary>
public static class SessionStorePresets
{
    /// <summary>
    /// nginx <c>ssl_session_cache shared:NAME:size</c>: FIFO by creation, no refresh on hit
    /// ("nginx eviction", P); each session costs a 128 B slab plus a 256 B slab, 384 B
    /// ("nginx shared cache per MiB", P); <c>ssl_session_timeout</c> 300 s ("nginx ssl_session_timeout", P);
    /// each insert sweeps up to 2 expired entries, a full zone drops the oldest once and otherwise the
    /// session is not cached; sessions over 8192 B are never cached ("nginx limits", P).
    /// </summary>
    public static SessionStoreOptions Nginx(long zoneBytes) =>
        new(StoreEviction.Fifo, CapacityEntries: 0, CapacityBytes: zoneBytes, EntryBytes: 384, TimeoutNs: 300 * Nanoseconds.PerSecond)
        {
            Name = "nginx",
            ExpireOnInsert = 2,
            MaxEvictionsPerPut = 1,
            MaxSessionBytes = 8192,
        };

    /// <summary>
    /// OpenSSL's internal cache (also nginx <c>builtin</c>): 20480 sessions ("OpenSSL default cache size", P),
    /// 7200 s ("OpenSSL default timeout", P/M), the entry nearest expiry goes when full and lookups do
    /// not reorder, expired sessions flushed every 255 handshakes ("OpenSSL cache eviction", P).
    /// Bytes are accounted as id + serialized session (OpenSSL's in-memory size is not in the reference).
    /// </summary>
    public static SessionStoreOptions OpenSsl() =>
        new(StoreEviction.Fifo, CapacityEntries: 20480, CapacityBytes: 0, EntryBytes: 0, TimeoutNs: 7200 * Nanoseconds.PerSecond)
        {
            Name = "openssl",
            PurgeExpiredEveryPuts = 255,
        };

    /// <summary>
    /// HAProxy <c>tune.ssl.cachesize</c> 20000 blocks of 200 B (128 B of session each), preallocated
    /// ("HAProxy tune.ssl.cachesize", P); effectively FIFO ("HAProxy eviction", P); the documented
    /// 300 s lifetime is never applied, so OpenSSL's 7200 s holds ("HAProxy tune.ssl.lifetime", P).
    /// </summary>
    public static SessionStoreOptions HaProxy() =>
        new(StoreEviction.Fifo, CapacityEntries: 0, CapacityBytes: 20000L * 200, EntryBytes: 200, TimeoutNs: 7200 * Nanoseconds.PerSecond)
        {
            Name = "haproxy",
            BlockPayloadBytes = 128,
        };

    /// <summary>No cache: nginx's default ("nginx ssl_session_cache default", P).</summary>
    public static SessionStoreOptions None() =>
        new(StoreEviction.None, 0, 0, 0, 0) { Name = "none" };

    /// <summary>An LRU cache by entries, for shared (memcached/redis-like) stores.</summary>
    public static SessionStoreOptions Lru(long capacityEntries, long timeoutNs) =>
        new(StoreEviction.Lru, capacityEntries, 0, 0, timeoutNs) { Name = "lru" };

    /// <summary>Builds the store <paramref name="options"/> describe.</summary>
    public static IServerSessionStore Create(SessionStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Eviction switch
        {
            StoreEviction.None => new NoSessionStore(),
            StoreEviction.Fifo => new FifoSessionStore(options),
            StoreEviction.Lru => new LruSessionStore(options),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Eviction, "Unknown eviction."),
        };
    }
}
