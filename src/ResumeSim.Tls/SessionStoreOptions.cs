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
    /// Sweep all expired entries every N puts (0 = never). OpenSSL flushes expired sessions every 255
    /// handshakes (parameters.md "OpenSSL cache eviction").
    /// </summary>
    public int PurgeExpiredEveryPuts { get; init; }

    /// <summary>
    /// Serialized sessions larger than this are not cached (0 = no limit). nginx: sessions over
    /// 8192 B are not cached (parameters.md "nginx limits").
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
        ArgumentOutOfRangeException.ThrowIfNegative(PurgeExpiredEveryPuts);
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
    }
}
