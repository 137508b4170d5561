using System.Runtime.CompilerServices;

namespace ResumeSim.Engine;

/// <summary>
/// The 24-byte element every <see cref="IEventQueue"/> stores: ordered by (<see cref="Time"/>,
/// <see cref="Key"/>); <see cref="Payload"/> travels with it and is never read by the queue.
/// </summary>
/// <remarks>
/// The payload sits inside the entry, not in a side array found through the key, so that taking
/// the earliest event reads one place in memory. With 10^6-10^7 pending events a side array is
/// 12-120 MB and the slot of the event being dispatched is a random address in it: a cache and
/// TLB miss per event, which a profile of the 1M-client model showed in
/// <see cref="Simulation.Step"/> (docs/engine.md, "Queue entries").
/// </remarks>
public readonly struct QueueEntry
{
    /// <summary>Creates an entry.</summary>
    public QueueEntry(long time, long key, long payload)
    {
        Time = time;
        Key = key;
        Payload = payload;
    }

    /// <summary>Primary order: simulated time in ticks.</summary>
    public long Time { get; }

    /// <summary>Secondary order, for equal times (the caller makes it unique, e.g. an insertion sequence).</summary>
    public long Key { get; }

    /// <summary>Opaque to the queue: whatever the caller needs back when the entry leaves.</summary>
    public long Payload { get; }

    /// <summary>Lexicographic (time, key) order, as signed 64-bit integers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Less(in QueueEntry a, in QueueEntry b) =>
        a.Time < b.Time || (a.Time == b.Time && a.Key < b.Key);
}
