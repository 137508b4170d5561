namespace ResumeSim.Engine;

/// <summary>
/// A queue that can tell its second-smallest entry cheaply, so <see cref="Simulation"/> can hand it to
/// <see cref="IEventPrefetcher.PrefetchAhead"/> two events early. A speed hint, not part of what a queue is
/// (<see cref="IEventQueue"/>): nothing may depend on it, and a queue that cannot tell without work does not
/// implement it. <see cref="Simulation"/> asks once, when it is created.
/// </summary>
public interface IEventQueueLookahead
{
    /// <summary>
    /// Reads the second-smallest entry without removing anything; false when the queue holds fewer than two
    /// entries or cannot tell without work.
    /// </summary>
    bool TryPeekSecond(out QueueEntry entry);
}
