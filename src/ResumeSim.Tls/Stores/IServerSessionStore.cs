namespace ResumeSim.Tls;

/// <summary>
/// Where a server keeps TLS 1.2 sessions by id (and TLS 1.3 stateful tickets), in the spirit of
/// rustls' <c>StoresServerSessions</c>.
/// <para>Promises: a store may lose anything at any time (it is a cache: <see cref="Put"/> may
/// refuse and entries may be evicted or expire), but it never returns an entry past its timeout,
/// and <see cref="Take"/> must reliably delete what it returns, so a single-use ticket is used at
/// most once. Every removal is counted in <see cref="Counters"/> with its reason.</para>
/// <para>Every method takes <c>now</c> in ns since an arbitrary epoch (<see cref="Nanoseconds"/>);
/// nothing reads a clock. Implementations are not thread-safe: one simulation replication (or one
/// real worker) owns a store.</para>
/// <para>Speed hints are not part of the contract: a store that can prefetch also implements
/// <see cref="IStoreSlotPrefetcher"/>.</para>
/// </summary>
public interface IServerSessionStore
{
    /// <summary>False for a store that never keeps anything; servers then do not offer ids.</summary>
    bool CanCache { get; }

    /// <summary>Entries held now (expired ones not yet swept included).</summary>
    int Count { get; }

    /// <summary>Bytes held now by the store's per-entry accounting.</summary>
    long Bytes { get; }

    /// <summary>Running totals.</summary>
    StoreCounters Counters { get; }

    /// <summary>Stores <paramref name="state"/> under <paramref name="id"/>; false when the store chose not to (lossy).</summary>
    bool Put(in SessionId id, SessionState state, long now);

    /// <summary>Looks up without removing. FIFO stores do not refresh the entry on a hit; LRU stores do.</summary>
    StoreLookup TryGet(in SessionId id, long now, out SessionState? state);

    /// <summary>Looks up and removes (reason <see cref="RemovalReason.Taken"/>); the entry is gone afterwards whatever the result.</summary>
    StoreLookup Take(in SessionId id, long now, out SessionState? state);

    /// <summary>Removes everything (reason <see cref="RemovalReason.Flushed"/>).</summary>
    void Flush(long now);

    /// <summary>
    /// The server finished a handshake successfully at <paramref name="now"/> (full or resumed).
    /// <paramref name="sessionHasId"/> says whether its session has a session id, the condition under
    /// which OpenSSL's <c>ssl_update_cache</c> (ssl/ssl_lib.c) reaches its periodic flush. A store with
    /// <see cref="SessionStoreOptions.FlushExpiredEveryHandshakes"/> counts these; others ignore them,
    /// which is the default.
    /// </summary>
    void OnHandshakeFinished(long now, bool sessionHasId)
    {
    }

    /// <summary>
    /// The part of <see cref="Count"/> and <see cref="Bytes"/> that has not expired at
    /// <paramref name="now"/>: the sessions a client could still resume. The rest is expired but not
    /// swept yet, still in memory as in nginx's zone or OpenSSL's cache. The default counts everything.
    /// </summary>
    StoreOccupancy Live(long now) => new(Count, Bytes);

    /// <summary>
    /// How long each entry held now has been in memory at <paramref name="now"/> (put to now); with
    /// <see cref="StoreCounters.RemovedExposure"/> it gives every stored secret's time in memory.
    /// </summary>
    ExposureTally HeldExposure(long now);
}
