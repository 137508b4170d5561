using ResumeSim.Engine;

namespace ResumeSim.Bench.Queues;

/// <summary>
/// A textbook implicit binary min-heap of <see cref="QueueEntry"/> ordered by (time, key). Enqueue and dequeue O(log2 n).
/// </summary>
/// <remarks>
/// Kept as the reference point the other queues are measured against (docs/performance.md) and
/// as the simplest correct implementation for tests. Grows by doubling, never shrinks.
/// </remarks>
public sealed class BinaryHeap : IEventQueue, IEventQueueLookahead
{
    private QueueEntry[] _items;
    private int _count;

    /// <summary>Creates an empty heap with room for <paramref name="capacity"/> entries.</summary>
    public BinaryHeap(int capacity = 16)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _items = new QueueEntry[Math.Max(capacity, 2)];
    }

    /// <inheritdoc/>
    public int Count => _count;

    /// <inheritdoc/>
    public void Enqueue(long time, long key, long payload)
    {
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, checked(_items.Length * 2));
        }

        var items = _items;
        var entry = new QueueEntry(time, key, payload);
        int index = _count++;
        while (index > 0)
        {
            int parent = (index - 1) >> 1;
            if (!QueueEntry.Less(entry, items[parent]))
            {
                break;
            }

            items[index] = items[parent];
            index = parent;
        }

        items[index] = entry;
    }

    /// <inheritdoc/>
    public bool TryPeek(out QueueEntry entry)
    {
        if (_count == 0)
        {
            entry = default;
            return false;
        }

        entry = _items[0];
        return true;
    }

    /// <summary>The second-smallest entry is the smaller of the root's two children.</summary>
    public bool TryPeekSecond(out QueueEntry entry)
    {
        if (_count < 2)
        {
            entry = default;
            return false;
        }

        entry = _count > 2 && QueueEntry.Less(_items[2], _items[1]) ? _items[2] : _items[1];
        return true;
    }

    /// <inheritdoc/>
    public bool TryDequeue(out QueueEntry entry)
    {
        if (_count == 0)
        {
            entry = default;
            return false;
        }

        var items = _items;
        entry = items[0];
        int count = --_count;
        if (count == 0)
        {
            return true;
        }

        var last = items[count];
        int index = 0;
        while (true)
        {
            int child = (index << 1) + 1;
            if (child >= count)
            {
                break;
            }

            if (child + 1 < count && QueueEntry.Less(items[child + 1], items[child]))
            {
                child++;
            }

            if (!QueueEntry.Less(items[child], last))
            {
                break;
            }

            items[index] = items[child];
            index = child;
        }

        items[index] = last;
        return true;
    }

    /// <inheritdoc/>
    public void Clear() => _count = 0;
}
