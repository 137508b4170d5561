namespace ResumeSim.Tls;

/// <summary>
/// A server session cache that evicts the oldest-created entry first and does not move an entry on a
/// hit: what nginx, OpenSSL, BoringSSL and HAProxy really do (parameters.md section 1, the
/// "nginx eviction", "OpenSSL cache eviction", "HAProxy eviction" and "BoringSSL" rows). With one
/// timeout for all entries, creation order is also expiry order, so the oldest entry is always the
/// first to expire and sweeping the old end is enough. See <see cref="IServerSessionStore"/> for the
/// contract; times are ns since an arbitrary epoch.
/// </summary>
public sealed class FifoSessionStore : IServerSessionStore, IStoreSlotPrefetcher
{
    private readonly SessionTable table;

    /// <summary>Creates an empty store.</summary>
    /// <exception cref="ArgumentException">when <paramref name="options"/> are invalid.</exception>
    public FifoSessionStore(SessionStoreOptions options)
    {
        table = new SessionTable(options, refreshOnHit: false);
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
