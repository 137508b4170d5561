namespace ResumeSim.Engine;

/// <summary>
/// Optionally told, just before an event is dispatched, which event comes next, so that it can ask the
/// processor to start loading the memory that event will touch (a client's record among millions). The
/// load then overlaps the current event's work instead of stalling the next one (docs/performance.md, Scale). It must not
/// change any state: it is a hint, and the run is the same without it.
/// </summary>
public interface IEventPrefetcher
{
    /// <summary>Hints the memory <paramref name="next"/> will read.</summary>
    void Prefetch(in Event next);

    /// <summary>
    /// Hints the memory <paramref name="afterNext"/>, the event after <see cref="Prefetch"/>'s, will read,
    /// when the queue can tell it cheaply. Being one event earlier, it suits the first load of a chain
    /// (a record whose contents say where the next load is), whose second load <see cref="Prefetch"/>
    /// then starts. The default does nothing.
    /// </summary>
    void PrefetchAhead(in Event afterNext)
    {
    }
}
