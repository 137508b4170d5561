namespace ResumeSim.Model.Servers;

/// <summary>
/// One TLS-terminating server: c cores serving handshake CPU work first come, first served, and
/// the server's resumption state from the real core (its own or farm-shared store and key ring).
/// </summary>
/// <remarks>
/// A core's service end is an event only when a connection waits for a core (docs/model.md, "Which
/// steps are events"): each core keeps when its handshake ends and the sequence number its end event
/// would hold, so an arrival can tell, in event order, whether the core is free by then.
/// </remarks>
internal sealed class ServerNode
{
    private readonly CoreSlot[] _cores;
    private int[] _queue = new int[64];
    private int _head;
    private int _count;

    public ServerNode(int index, int cores, ServerResumption resumption)
    {
        Index = index;
        Cores = cores;
        Resumption = resumption;
        _cores = new CoreSlot[cores];
        _cores.AsSpan().Fill(CoreSlot.Idle);
    }

    public int Index { get; }

    public int Cores { get; }

    /// <summary>The server's resumption state; replaced when the server restarts.</summary>
    public ServerResumption Resumption { get; set; }

    /// <summary>
    /// Where farm-shared ticket keys reach this server after their propagation delay; null when keys do
    /// not propagate, or while a key desync fault has the server on a key file of its own.
    /// </summary>
    public KeyDistribution? KeyFeed { get; set; }

    /// <summary>Connections sent here whose handshake has not completed yet.</summary>
    public int ActiveHandshakes { get; set; }

    /// <summary>Connections waiting for a core.</summary>
    public int QueueLength => _count;

    /// <summary>Hands this server's ring the farm keys that have reached it by <paramref name="now"/> (a no-op without a <see cref="KeyFeed"/>).</summary>
    public void DeliverKeys(long now)
    {
        if (KeyFeed is { } keys && Resumption.Rotator is { } ring)
        {
            keys.Deliver(Index, ring, now);
        }
    }

    /// <summary>
    /// A core free for the event at (<paramref name="now"/>, <paramref name="sequence"/>): idle, or
    /// its handshake's end comes before that event in event order (an earlier time, or the same time
    /// and an earlier sequence), as the end event would have run first.
    /// </summary>
    public bool TryFindFreeCore(long now, long sequence, out int core)
    {
        var cores = _cores;
        for (core = 0; core < cores.Length; core++)
        {
            ref readonly var slot = ref cores[core];
            if (slot.EndsAt < now || (slot.EndsAt == now && slot.EndSequence < sequence))
            {
                return true;
            }
        }

        core = -1;
        return false;
    }

    /// <summary>Core <paramref name="core"/> serves a handshake until <paramref name="endsAt"/>; its end event would hold <paramref name="endSequence"/>.</summary>
    public void Occupy(int core, long endsAt, long endSequence) =>
        _cores[core] = new CoreSlot { EndsAt = endsAt, EndSequence = endSequence, EndScheduled = false };

    /// <summary>Core <paramref name="core"/>'s end event ran: the core is idle.</summary>
    public void Release(int core) => _cores[core] = CoreSlot.Idle;

    /// <summary>
    /// Whether core <paramref name="core"/> serves a handshake whose end is not an event yet; if so,
    /// its end time and reserved sequence, and from now on it counts as scheduled.
    /// </summary>
    public bool TakeUnscheduledEnd(int core, out long endsAt, out long endSequence)
    {
        ref var slot = ref _cores[core];
        endsAt = slot.EndsAt;
        endSequence = slot.EndSequence;
        if (slot.EndScheduled || slot.EndSequence < 0)
        {
            return false;
        }

        slot.EndScheduled = true;
        return true;
    }

    public void Enqueue(int connection)
    {
        if (_count == _queue.Length)
        {
            Grow();
        }

        _queue[(_head + _count) % _queue.Length] = connection;
        _count++;
    }

    public bool TryDequeue(out int connection)
    {
        if (_count == 0)
        {
            connection = -1;
            return false;
        }

        connection = _queue[_head];
        _head = (_head + 1) % _queue.Length;
        _count--;
        return true;
    }

    private void Grow()
    {
        var bigger = new int[_queue.Length * 2];
        for (var i = 0; i < _count; i++)
        {
            bigger[i] = _queue[(_head + i) % _queue.Length];
        }

        _queue = bigger;
        _head = 0;
    }

    /// <summary>One core: idle (<see cref="Idle"/>), or serving a handshake that ends at <see cref="EndsAt"/>.</summary>
    private struct CoreSlot
    {
        public static readonly CoreSlot Idle = new() { EndsAt = long.MinValue, EndSequence = -1, EndScheduled = false };

        public long EndsAt;

        /// <summary>The sequence number reserved for the end event when the service started.</summary>
        public long EndSequence;

        /// <summary>Whether the end is a queued event (a connection was waiting for a core while it ran).</summary>
        public bool EndScheduled;
    }
}
