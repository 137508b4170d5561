namespace ResumeSim.Tls;

/// <summary>
/// A bounded server session cache; <see cref="SessionStoreOptions.Eviction"/> picks which entry a full
/// store gives up. <see cref="StoreEviction.Fifo"/> evicts the oldest-created entry first and does not
/// move an entry on a hit: what nginx, OpenSSL, BoringSSL and HAProxy really do (parameters.md section 1,
/// the "nginx eviction", "OpenSSL cache eviction", "HAProxy eviction" and "BoringSSL" rows). With one
/// timeout for all entries, creation order is then also expiry order, so the oldest entry is always the
/// first to expire and sweeping the old end is enough. <see cref="StoreEviction.Lru"/> evicts the least
/// recently used entry first and a hit refreshes recency: not what real TLS servers do, but what
/// memcached-like shared caches and clients do; timeouts still count from the put. Both orders are one
/// <see cref="SessionTable"/> list, differing only in whether a hit moves the entry to the head. See
/// <see cref="IServerSessionStore"/> for the contract; times are ns since an arbitrary epoch.
/// </summary>
public sealed class EvictingSessionStore : IServerSessionStore, IStoreSlotPrefetcher
{
    private readonly SessionTable table;

    /// <summary>Creates an empty store that evicts in <paramref name="options"/>' order.</summary>
    /// <exception cref="ArgumentException">
    /// when <paramref name="options"/> are invalid or say <see cref="StoreEviction.None"/> (no store: <see cref="NoSessionStore"/>).
    /// </exception>
    public EvictingSessionStore(SessionStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Eviction is not (StoreEviction.Fifo or StoreEviction.Lru))
        {
            throw new ArgumentException($"An evicting store needs fifo or lru eviction, not {options.Eviction}.", nameof(options));
        }

        table = new SessionTable(options, refreshOnHit: options.Eviction == StoreEviction.Lru);
    }

    /// <summary>Which entry a full store gives up.</summary>
    public StoreEviction Eviction => table.Options.Eviction;

    /// <summary>The options this store was built from.</summary>
    public SessionStoreOptions Options => table.Options;

    /// <inheritdoc />
    public bool CanCache => true;

    /// <inheritdoc />
    public int Count => table.Count;

    /// <inheritdoc />
    public long Bytes => table.Bytes;

    /// <inheritdoc />
    public StoreCounters Counters => table.Counters;

    /// <inheritdoc />
    public bool Put(in SessionId id, SessionState state, long now) => table.Put(id, state, now);

    /// <inheritdoc />
    public StoreLookup TryGet(in SessionId id, long now, out SessionState? state) => table.Lookup(id, now, take: false, out state);

    /// <inheritdoc />
    public StoreLookup Take(in SessionId id, long now, out SessionState? state) => table.Lookup(id, now, take: true, out state);

    /// <inheritdoc />
    public void PrefetchSlot(in SessionId id) => table.PrefetchSlot(id);

    /// <inheritdoc />
    public void Flush(long now) => table.Flush(now);

    /// <inheritdoc />
    public ExposureTally HeldExposure(long now) => table.HeldExposure(now);

    /// <inheritdoc />
    public void OnHandshakeFinished(long now, bool sessionHasId) => table.OnHandshakeFinished(now, sessionHasId);

    /// <inheritdoc />
    public StoreOccupancy Live(long now) => table.Live(now);

    /// <summary>Removes every expired entry now; returns how many.</summary>
    public int PurgeExpired(long now) => table.PurgeExpired(now);
}
