namespace ResumeSim.Tls;

/// <summary>
/// A server session cache that evicts the least recently used entry first; a hit refreshes recency
/// (not what real TLS servers do, see <see cref="FifoSessionStore"/>, but what memcached-like shared
/// caches and clients do). Timeouts still count from the put. See <see cref="IServerSessionStore"/>
/// for the contract; times are ns since an arbitrary epoch.
/// </summary>
public sealed class LruSessionStore : IServerSessionStore, IStoreSlotPrefetcher
{
    private readonly SessionTable table;

    /// <summary>Creates an empty store.</summary>
    /// <exception cref="ArgumentException">when <paramref name="options"/> are invalid.</exception>
    public LruSessionStore(SessionStoreOptions options)
    {
        table = new SessionTable(options, refreshOnHit: true);
    }

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
