namespace ResumeSim.Tls;

/// <summary>
/// A store that keeps nothing: nginx's default <c>ssl_session_cache none</c> (parameters.md
/// "nginx ssl_session_cache default"). Puts are counted as skipped and lookups as misses.
/// </summary>
public sealed class NoSessionStore : IServerSessionStore
{
    /// <inheritdoc />
    public bool CanCache => false;

    /// <inheritdoc />
    public int Count => 0;

    /// <inheritdoc />
    public long Bytes => 0;

    /// <inheritdoc />
    public StoreCounters Counters { get; } = new();

    /// <inheritdoc />
    public bool Put(in SessionId id, SessionState state, long now)
    {
        Counters.OnSkipped();
        return false;
    }

    /// <inheritdoc />
    public StoreLookup TryGet(in SessionId id, long now, out SessionState? state)
    {
        Counters.OnMiss();
        state = null;
        return StoreLookup.Miss;
    }

    /// <inheritdoc />
    public StoreLookup Take(in SessionId id, long now, out SessionState? state) => TryGet(id, now, out state);

    /// <inheritdoc />
    public void Flush(long now)
    {
    }

    /// <inheritdoc />
    public ExposureTally HeldExposure(long now) => default;
}
