namespace ResumeSim.Tls;

/// <summary>
/// Why session IDs recently left a store, so a later miss on one of them can be labelled by its cause
/// (evicted for room, expired and swept, flushed by a restart) rather than guessed from its age. This is
/// the simulator's bookkeeping, not part of any real server, and its memory is not the store's. It keeps
/// the last <see cref="Capacity"/> removals, by a 64-bit fingerprint of the ID; an older one is forgotten
/// and its miss is then "unknown". It grows with use up to its capacity, and allocates nothing per removal
/// once grown.
/// </summary>
internal sealed class RemovedSessions
{
    private const int InitialLength = 1 << 10;

    private readonly Dictionary<ulong, (RemovalReason Reason, int At)> reasons;
    private ulong[] ring;
    private int next;
    private int count;

    /// <summary>Creates an empty log of at most <paramref name="capacity"/> removals.</summary>
    public RemovedSessions(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
        ring = new ulong[Math.Min(capacity, InitialLength)];
        reasons = new Dictionary<ulong, (RemovalReason, int)>(ring.Length);
    }

    /// <summary>Most removals remembered.</summary>
    public int Capacity { get; }

    /// <summary>Removals remembered now.</summary>
    public int Count => reasons.Count;

    /// <summary>Remembers that <paramref name="id"/> left for <paramref name="reason"/>, forgetting the oldest beyond capacity.</summary>
    public void Record(in SessionId id, RemovalReason reason)
    {
        if (count == Capacity)
        {
            // The oldest slot's fingerprint may have been recorded again since; only its own record goes.
            ulong old = ring[next];
            if (reasons.TryGetValue(old, out var was) && was.At == next)
            {
                reasons.Remove(old);
            }
        }
        else
        {
            // Until it is full the ring has not wrapped (next == count), so growing keeps every position.
            if (count == ring.Length)
            {
                Array.Resize(ref ring, (int)Math.Min(2L * ring.Length, Capacity));
            }

            count++;
        }

        ulong key = id.Fingerprint;
        ring[next] = key;
        reasons[key] = (reason, next);
        next = next + 1 == Capacity ? 0 : next + 1;
    }

    /// <summary>Why <paramref name="id"/> left, if it left recently.</summary>
    public bool TryGet(in SessionId id, out RemovalReason reason)
    {
        if (reasons.TryGetValue(id.Fingerprint, out var was))
        {
            reason = was.Reason;
            return true;
        }

        reason = default;
        return false;
    }
}
