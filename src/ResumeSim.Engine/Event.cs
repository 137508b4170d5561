namespace ResumeSim.Engine;

/// <summary>
/// One event as a handler receives it: when it happens, its insertion sequence number (the
/// tie-breaker that makes equal times run first-in first-out), and a small integer payload.
/// </summary>
/// <remarks>
/// Events carry integers, not objects, so that scheduling one allocates nothing: <see cref="Kind"/>
/// selects the handler, <see cref="Target"/> is usually an entity index (a client, a server) and
/// <see cref="Arg"/> a kind-specific value such as a generation number used to drop stale events
/// (DESIGN §3: cancel by bumping a generation, not by searching the queue).
/// </remarks>
public readonly struct Event
{
    /// <summary>Creates an event value.</summary>
    public Event(long time, long sequence, int kind, int target, int arg)
    {
        Time = time;
        Sequence = sequence;
        Kind = kind;
        Target = target;
        Arg = arg;
    }

    /// <summary>Simulated time in ticks (<see cref="SimTime"/>).</summary>
    public long Time { get; }

    /// <summary>Insertion order over the whole run, starting at 0.</summary>
    public long Sequence { get; }

    /// <summary>Handler index, 0..<see cref="Simulation.MaxKinds"/>-1.</summary>
    public int Kind { get; }

    /// <summary>Entity the event is about (meaning chosen by the handler).</summary>
    public int Target { get; }

    /// <summary>Extra kind-specific value.</summary>
    public int Arg { get; }

    /// <inheritdoc/>
    public override string ToString() => $"t={Time} seq={Sequence} kind={Kind} target={Target} arg={Arg}";
}
