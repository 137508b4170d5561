namespace ResumeSim.Tls;

/// <summary>
/// Shape of a server session store. Capacity is in entries (<paramref name="CapacityEntries"/>) or in
/// bytes (<paramref name="CapacityBytes"/>), or both (0 = no limit of that kind; at least one must be set
/// unless <paramref name="Eviction"/> is <see cref="StoreEviction.None"/>).
/// </summary>
/// <param name="Eviction">Which entry a full store gives up.</param>
/// <param name="CapacityEntries">Most entries held (0 = limited by bytes only).</param>
/// <param name="CapacityBytes">Most bytes held (0 = limited by entries only).</param>
/// <param name="EntryBytes">
/// Bytes one entry costs: a fixed slot size when &gt; 0 (nginx 384 B, HAProxy 200 B blocks); when 0,
/// the session id (32 B) plus the serialized state (<see cref="SessionState.SerializedLength"/>).
/// </param>
/// <param name="TimeoutNs">Entry timeout counted from the put (ns); 0 = entries never expire in the store.</param>
public sealed record SessionStoreOptions(
    StoreEviction Eviction,
    long CapacityEntries,
    long CapacityBytes,
    int EntryBytes,
    long TimeoutNs)
{
    /// <summary>A short label for reports ("nginx", "openssl", ...).</summary>
    public string Name { get; init; } = "custom";

    /// <summary>
    /// The real cache lives in one process's memory, so a server with several worker processes has one
    /// per worker: OpenSSL's internal cache is per SSL_CTX, and nginx's <c>ssl_session_cache builtin</c> is
    /// that cache (parameters.md section 6, "per-process caches"). False for caches in shared memory
    /// (nginx <c>shared:</c> zones, HAProxy's shared context) and for custom stores.
    /// </summary>
    public bool PerProcess { get; init; }

    /// <summary>
    /// Expired entries swept from the old end before each insert. nginx sweeps up to 2
    /// (<c>ngx_ssl_expire_sessions(cache, shpool, 1)</c>, parameters.md "nginx eviction").
    /// </summary>
    public int ExpireOnInsert { get; init; }

    /// <summary>
    /// Valid entries a put may evict to make room before it gives up and skips caching. nginx drops
    /// the oldest once and retries, else does not cache (parameters.md "nginx eviction"): 1.
    /// </summary>
    public int MaxEvictionsPerPut { get; init; } = int.MaxValue;

    /// <summary>
    /// Sweep expired entries from the old end on every N-th successful handshake the server reports
    /// (<see cref="IServerSessionStore.OnHandshakeFinished"/>; 0 = never). OpenSSL 3.0's internal cache:
    /// <c>ssl_update_cache</c> (ssl/ssl_lib.c) calls <c>SSL_CTX_flush_sessions</c> when the count of
    /// earlier successful handshakes (<c>sess_accept_good</c>, full and resumed alike) is 255 mod 256,
    /// so on the 256th, 512th, ... handshake: 256.
    /// </summary>
    public int FlushExpiredEveryHandshakes { get; init; }

    /// <summary>
    /// How the timeout turns into a deadline: exactly, or in whole seconds as nginx or OpenSSL count
    /// them (<see cref="ExpiryRule"/>).
    /// </summary>
    public ExpiryRule Expiry { get; init; }

    /// <summary>
    /// Serialized sessions larger than this are not cached (0 = no limit). nginx 1.22.1 skips sessions
    /// whose <c>i2d_SSL_SESSION</c> form is over <c>NGX_SSL_MAX_SESSION_SIZE</c>, 4096 B (8192 B since
    /// nginx 1.27.5; parameters.md "nginx limits").
    /// </summary>
    public int MaxSessionBytes { get; init; }

    /// <summary>
    /// When &gt; 0 an entry takes ceil(serialized / BlockPayloadBytes) slots of <see cref="EntryBytes"/>
    /// (HAProxy's shctx: 200 B blocks holding 128 B of session each, parameters.md "HAProxy tune.ssl.cachesize").
    /// </summary>
    public int BlockPayloadBytes { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> when the options cannot describe a store.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(CapacityEntries);
        ArgumentOutOfRangeException.ThrowIfNegative(CapacityBytes);
        ArgumentOutOfRangeException.ThrowIfNegative(EntryBytes);
        ArgumentOutOfRangeException.ThrowIfNegative(TimeoutNs);
        ArgumentOutOfRangeException.ThrowIfNegative(ExpireOnInsert);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxEvictionsPerPut);
        ArgumentOutOfRangeException.ThrowIfNegative(FlushExpiredEveryHandshakes);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxSessionBytes);
        ArgumentOutOfRangeException.ThrowIfNegative(BlockPayloadBytes);
        if (Eviction != StoreEviction.None && CapacityEntries == 0 && CapacityBytes == 0)
        {
            throw new ArgumentException("A store needs a capacity in entries or in bytes.");
        }

        if (BlockPayloadBytes > 0 && EntryBytes == 0)
        {
            throw new ArgumentException("BlockPayloadBytes needs EntryBytes (the block size).");
        }

        if (CapacityBytes > 0 && EntryBytes > CapacityBytes)
        {
            throw new ArgumentException("One entry is larger than the whole store.");
        }

        // A whole-second deadline is later than the put only for timeouts of a second or more.
        if (Expiry != ExpiryRule.Exact && TimeoutNs > 0 && TimeoutNs < Nanoseconds.PerSecond)
        {
            throw new ArgumentException("A whole-second expiry rule needs a timeout of at least 1 s.");
        }
    }
}
