namespace ResumeSim.Tls;

/// <summary>
/// A store that can start loading the memory where an id's entry would be, ahead of its lookup: at millions
/// of sessions each lookup is a cache miss, and a caller that knows the next lookup a few events early (the
/// simulator) hides it. A speed hint, not part of what a store is (<see cref="IServerSessionStore"/>): it
/// must change nothing, and a caller asks for it with <c>store as IStoreSlotPrefetcher</c>.
/// </summary>
public interface IStoreSlotPrefetcher
{
    /// <summary>Hints that <paramref name="id"/> will be looked up next; changes nothing.</summary>
    void PrefetchSlot(in SessionId id);
}
