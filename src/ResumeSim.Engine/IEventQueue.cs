namespace ResumeSim.Engine;

/// <summary>
/// A priority queue of <see cref="QueueEntry"/> values (time, key, payload) ordered by (time, key),
/// smallest first.
/// </summary>
/// <remarks>
/// <para>The contract every implementation must keep (tests check it against a sorted reference):</para>
/// <list type="bullet">
/// <item>Entries leave in ascending (time, key) order, compared lexicographically as signed
/// 64-bit integers. <see cref="Simulation"/> puts an increasing insertion sequence in the high bits
/// of <c>key</c>, so equal times leave first-in first-out and a run is reproducible bit for bit.</item>
/// <item>The payload leaves with its own (time, key): the queue moves it, never reads or changes it.</item>
/// <item>Any time may be enqueued at any moment, including one earlier than the last entry
/// dequeued (a plain priority queue, not only a monotone one).</item>
/// <item>Nothing is lost or duplicated; <see cref="Count"/> is exact.</item>
/// <item>In steady state (population not growing past its previous peak) operations allocate nothing.</item>
/// </list>
/// <para>Why the payload is in the entry (24 bytes) rather than in a side array found through the
/// key (16-byte entries): DESIGN §3 measured 16-byte heap entries 20-30% faster than 24-byte ones,
/// but that counted the queue alone. The side array costs a random read per dispatched event,
/// which at 10^6-10^7 pending events is a cache miss of its own; docs/engine.md ("Queue entries")
/// has the measurements that decided it.</para>
/// Implementations: <see cref="QuaternaryHeap"/> (O(log n)) and <see cref="BucketQueue"/> (O(1)
/// amortised for smooth time distributions; the default). The bench harness (ResumeSim.Bench) keeps a
/// binary heap and a calendar queue that the engine benchmark and the queue contract tests compare with them.
/// A queue that can tell its second entry cheaply also implements <see cref="IEventQueueLookahead"/>,
/// a speed hint outside this contract.
/// </remarks>
public interface IEventQueue
{
    /// <summary>Number of entries in the queue.</summary>
    int Count { get; }

    /// <summary>Adds an entry.</summary>
    void Enqueue(long time, long key, long payload);

    /// <summary>Reads the smallest entry without removing it; false when empty.</summary>
    bool TryPeek(out QueueEntry entry);

    /// <summary>Removes and returns the smallest entry; false when empty.</summary>
    bool TryDequeue(out QueueEntry entry);

    /// <summary>Removes every entry (keeps allocated capacity).</summary>
    void Clear();
}
