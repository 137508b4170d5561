namespace ResumeSim.Tls;

/// <summary>
/// Store shapes copied from real servers, the one table every layer uses (a scenario's
/// <c>session_ids: {preset: ...}</c> included); each cites its row in <c>shared/reference/parameters.md</c>
/// or the source it was read from.
/// </summary>
public static class SessionStorePresets
{
    /// <summary>The zone of the usual <c>ssl_session_cache shared:SSL:10m</c> of published configs (U).</summary>
    public const long NginxDefaultZoneBytes = 10L * 1024 * 1024;

    /// <summary>
    /// OpenSSL's <c>SSL_SESSION_CACHE_MAX_SIZE_DEFAULT</c>, the cache size <c>SSL_CTX_new</c> sets
    /// ("OpenSSL default cache size", P).
    /// </summary>
    public const long OpenSslDefaultCacheSize = 1024 * 20;

    /// <summary>HAProxy's default <c>tune.ssl.cachesize</c>, in blocks ("HAProxy tune.ssl.cachesize", P).</summary>
    public const long HaProxyDefaultCacheSize = 20000;

    /// <summary>The preset names <see cref="Configured"/> knows.</summary>
    public static IReadOnlyList<string> Names { get; } = ["nginx", "nginx-builtin", "openssl", "haproxy"];

    /// <summary>
    /// The store of preset <paramref name="name"/> with the capacity its server's configuration gives:
    /// <paramref name="capacityEntries"/> sessions (or cache slots), else <paramref name="capacityBytes"/>
    /// bytes, else the server's default. Null for an unknown name.
    /// <list type="bullet">
    /// <item><c>nginx</c>: bytes are the <c>shared:NAME:SIZE</c> zone, turned into sessions as nginx's
    /// slab allocator does (<see cref="NginxZone"/>); entries are sessions.</item>
    /// <item><c>openssl</c>, <c>nginx-builtin</c>: entries are the cache size set with
    /// <c>SSL_CTX_sess_set_cache_size</c> (<see cref="OpenSsl"/>, <see cref="NginxBuiltin"/>); bytes limit
    /// the store by its accounting of id + serialized session.</item>
    /// <item><c>haproxy</c>: entries are <c>tune.ssl.cachesize</c> blocks; bytes limit the shared
    /// context (<see cref="HaProxy"/>).</item>
    /// </list>
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">when an nginx zone is below <see cref="NginxSlabZone.MinZoneBytes"/>.</exception>
    public static SessionStoreOptions? Configured(string name, long capacityEntries, long capacityBytes)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name switch
        {
            "nginx" => capacityEntries > 0 ? NginxSessions(capacityEntries) : NginxZone(capacityBytes > 0 ? capacityBytes : NginxDefaultZoneBytes),
            "openssl" when capacityEntries == 0 && capacityBytes > 0 => OpenSsl() with { CapacityEntries = 0, CapacityBytes = capacityBytes },
            "openssl" => OpenSsl(capacityEntries > 0 ? capacityEntries : OpenSslDefaultCacheSize),
            "nginx-builtin" when capacityEntries == 0 && capacityBytes > 0 => NginxBuiltin() with { CapacityEntries = 0, CapacityBytes = capacityBytes },
            "nginx-builtin" => NginxBuiltin(capacityEntries > 0 ? capacityEntries : OpenSslDefaultCacheSize),
            "haproxy" when capacityEntries == 0 && capacityBytes > 0 => HaProxy(HaProxyDefaultCacheSize) with { CapacityBytes = capacityBytes },
            "haproxy" => HaProxy(capacityEntries > 0 ? capacityEntries : HaProxyDefaultCacheSize),
            _ => null,
        };
    }

    /// <summary>
    /// nginx <c>ssl_session_cache shared:SSL:SIZE</c> with a zone of <paramref name="zoneBytes"/>: as many
    /// sessions as nginx 1.22.1's slab allocator fits (<see cref="NginxSlabZone.Sessions"/>), each
    /// accounted at its two chunks, see <see cref="NginxSessions"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">when the zone is below <see cref="NginxSlabZone.MinZoneBytes"/>.</exception>
    public static SessionStoreOptions NginxZone(long zoneBytes) => NginxSessions(NginxSlabZone.Sessions(zoneBytes));

    /// <summary>
    /// nginx's shared cache holding <paramref name="sessions"/>: FIFO by creation, no refresh on hit
    /// ("nginx eviction", P); each session costs a 128 B chunk (tree node with the id) plus a 256 B chunk
    /// (its <c>i2d_SSL_SESSION</c> form, 158 B measured), 384 B ("nginx shared cache per MiB", P);
    /// <c>ssl_session_timeout</c> 300 s ("nginx ssl_session_timeout", P) counted in whole seconds
    /// (<see cref="ExpiryRule.NginxWholeSeconds"/>); each insert sweeps up to 2 expired entries
    /// (<c>ngx_ssl_expire_sessions(cache, shpool, 1)</c>), a full zone drops the oldest once and otherwise
    /// the session is not cached; sessions over 4096 B are never cached ("nginx limits", P; nginx 1.22.1).
    /// </summary>
    public static SessionStoreOptions NginxSessions(long sessions) =>
        new(StoreEviction.Fifo, CapacityEntries: sessions, CapacityBytes: 0, EntryBytes: 384, TimeoutNs: 300 * Nanoseconds.PerSecond)
        {
            Name = "nginx",
            ExpireOnInsert = 2,
            MaxEvictionsPerPut = 1,
            MaxSessionBytes = 4096,
            Expiry = ExpiryRule.NginxWholeSeconds,
        };

    /// <summary>
    /// OpenSSL 3.0's internal cache (also nginx <c>ssl_session_cache builtin</c>, one per worker) of cache
    /// size <paramref name="cacheSize"/> (20480 by default, "OpenSSL default cache size", P):
    /// <list type="bullet">
    /// <item>it holds at most cacheSize - 1 sessions: <c>SSL_CTX_add_session</c> (ssl/ssl_sess.c) puts the
    /// new session in its hash table first, then drops the entry nearest expiry while the table holds
    /// <c>&gt;= cacheSize</c>;</item>
    /// <item>the list is ordered by expiry and lookups do not reorder it, so with one timeout it is FIFO
    /// ("OpenSSL cache eviction", P);</item>
    /// <item>7200 s ("OpenSSL default timeout", P/M), counted in whole seconds
    /// (<see cref="ExpiryRule.OpenSslWholeSeconds"/>);</item>
    /// <item>expired sessions are swept only on lookup and by the flush of every 256th successful
    /// handshake (<see cref="SessionStoreOptions.FlushExpiredEveryHandshakes"/>); nginx leaves
    /// auto-clear on for <c>builtin</c> (<c>ngx_ssl_session_cache</c>: mode <c>SSL_SESS_CACHE_SERVER</c>).</item>
    /// </list>
    /// Bytes are accounted as id + serialized session (OpenSSL's in-memory size is not in the reference).
    /// </summary>
    public static SessionStoreOptions OpenSsl(long cacheSize = OpenSslDefaultCacheSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cacheSize, 2);
        return new SessionStoreOptions(StoreEviction.Fifo, CapacityEntries: cacheSize - 1, CapacityBytes: 0, EntryBytes: 0, TimeoutNs: 7200 * Nanoseconds.PerSecond)
        {
            Name = "openssl",
            PerProcess = true,
            FlushExpiredEveryHandshakes = 256,
            Expiry = ExpiryRule.OpenSslWholeSeconds,
        };
    }

    /// <summary>
    /// nginx <c>ssl_session_cache builtin[:size]</c>: OpenSSL's internal cache (<see cref="OpenSsl"/>) in each
    /// worker ("nginx builtin cache", P), with nginx's <c>ssl_session_timeout</c> of 300 s, which
    /// <c>ngx_ssl_session_cache</c> sets with <c>SSL_CTX_set_timeout</c>.
    /// </summary>
    public static SessionStoreOptions NginxBuiltin(long cacheSize = OpenSslDefaultCacheSize) =>
        OpenSsl(cacheSize) with { Name = "nginx-builtin", TimeoutNs = 300 * Nanoseconds.PerSecond };

    /// <summary>
    /// HAProxy <c>tune.ssl.cachesize</c> <paramref name="blocks"/> blocks of 200 B (128 B of session each),
    /// preallocated ("HAProxy tune.ssl.cachesize", P); effectively FIFO ("HAProxy eviction", P); the
    /// documented 300 s lifetime is never applied, so OpenSSL's 7200 s holds ("HAProxy tune.ssl.lifetime", P).
    /// </summary>
    public static SessionStoreOptions HaProxy(long blocks = HaProxyDefaultCacheSize) =>
        new(StoreEviction.Fifo, CapacityEntries: 0, CapacityBytes: blocks * 200, EntryBytes: 200, TimeoutNs: 7200 * Nanoseconds.PerSecond)
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
            StoreEviction.Fifo or StoreEviction.Lru => new EvictingSessionStore(options),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Eviction, "Unknown eviction."),
        };
    }
}
