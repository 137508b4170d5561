using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ResumeSim.Engine;

/// <summary>
/// An implicit 4-ary min-heap of <see cref="QueueEntry"/> ordered by (time, key). Enqueue O(log4 n), dequeue O(4 log4 n).
/// </summary>
/// <remarks>
/// The four children of a node are adjacent (4 x 24 B, one or two 64-byte cache lines), so a
/// sift-down touches about half as many lines as a binary heap of the same size. It is the better heap, and it is what
/// <see cref="BucketQueue"/> (and the calendar queue the engine benchmark compares it with) uses for the
/// events about to be dispatched, which is why the members that move entries in bulk are public.
/// Grows by doubling and never shrinks, so a steady population allocates nothing.
/// </remarks>
public sealed class QuaternaryHeap : IEventQueue, IEventQueueLookahead
{
    /// <summary>
    /// 2^29 entries (12 GiB): the first child of index i is 4i + 1, which must fit in an int for every
    /// index of a full heap, since the sifts read without bounds checks.
    /// </summary>
    public const int MaxCapacity = 1 << 29;

    private QueueEntry[] _items;
    private int _count;

    /// <summary>Creates an empty heap with room for <paramref name="capacity"/> entries.</summary>
    public QuaternaryHeap(int capacity = 16)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capacity, MaxCapacity);
        _items = new QueueEntry[Math.Max(capacity, 4)];
    }

    /// <inheritdoc/>
    public int Count => _count;

    /// <inheritdoc/>
    public void Enqueue(long time, long key, long payload) => Enqueue(new QueueEntry(time, key, payload));

    /// <summary>Adds an entry that already exists (moved here from another structure).</summary>
    public void Enqueue(in QueueEntry entry)
    {
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, Grown(_count + 1, _items.Length * 2L));
        }

        SiftUp(_count++, entry);
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

    /// <summary>The smallest entry, read in place; only when <see cref="Count"/> is positive.</summary>
    public ref readonly QueueEntry Top
    {
        get
        {
            Debug.Assert(_count > 0);
            return ref _items[0];
        }
    }

    /// <inheritdoc/>
    /// <summary>The second-smallest entry is the smallest of the root's (up to four) children.</summary>
    public bool TryPeekSecond(out QueueEntry entry)
    {
        if (_count < 2)
        {
            entry = default;
            return false;
        }

        var items = _items;
        int best = 1;
        int end = Math.Min(5, _count);
        for (int c = 2; c < end; c++)
        {
            if (QueueEntry.Less(items[c], items[best]))
            {
                best = c;
            }
        }

        entry = items[best];
        return true;
    }

    public bool TryDequeue(out QueueEntry entry)
    {
        if (_count == 0)
        {
            entry = default;
            return false;
        }

        var items = _items;
        entry = items[0];
        int last = --_count;
        if (last > 0)
        {
            SiftDown(items[last], last);
        }

        return true;
    }

    /// <inheritdoc/>
    public void Clear() => _count = 0;

    /// <summary>Adds many entries in O(n) (Floyd's bottom-up heap construction).</summary>
    public void AddRangeAndHeapify(ReadOnlySpan<QueueEntry> entries)
    {
        int needed = _count + entries.Length;
        if (needed > _items.Length)
        {
            Array.Resize(ref _items, Grown(needed, Math.Max(needed, _items.Length * 2L)));
        }

        entries.CopyTo(_items.AsSpan(_count));
        _count = needed;
        for (int i = (_count - 2) >> 2; i >= 0; i--)
        {
            SiftDownFrom(i, _items[i], _count);
        }
    }

    /// <summary>The entries in heap order (for draining into another structure); valid until the next change.</summary>
    public ReadOnlySpan<QueueEntry> Items => _items.AsSpan(0, _count);

    /// <summary>
    /// The length to grow to: <paramref name="wanted"/>, capped at <see cref="MaxCapacity"/>;
    /// <paramref name="needed"/> entries beyond the cap are refused.
    /// </summary>
    internal static int Grown(int needed, long wanted)
    {
        if ((uint)needed > MaxCapacity)
        {
            throw new InvalidOperationException($"A QuaternaryHeap holds at most {MaxCapacity:N0} entries.");
        }

        return (int)Math.Min(wanted, MaxCapacity);
    }

    // SiftUp and SiftDownFrom read through a ref to the array's first element: every index they touch
    // is below _count (SiftUp's is _count - 1 at most), which never exceeds the array's length, so the
    // bounds checks the JIT would add in the loops (it cannot prove them away) are left out.
    private void SiftUp(int index, QueueEntry entry)
    {
        Debug.Assert(index < _items.Length);
        ref QueueEntry items = ref MemoryMarshal.GetArrayDataReference(_items);
        while (index > 0)
        {
            int parent = (index - 1) >> 2;
            ref QueueEntry up = ref Unsafe.Add(ref items, parent);
            if (!QueueEntry.Less(entry, up))
            {
                break;
            }

            Unsafe.Add(ref items, index) = up;
            index = parent;
        }

        Unsafe.Add(ref items, index) = entry;
    }

    private void SiftDown(QueueEntry entry, int count) => SiftDownFrom(0, entry, count);

    private void SiftDownFrom(int index, QueueEntry entry, int count)
    {
        Debug.Assert(index < count && count <= _items.Length);
        ref QueueEntry items = ref MemoryMarshal.GetArrayDataReference(_items);
        while (true)
        {
            int first = (index << 2) + 1;
            if (first >= count)
            {
                break;
            }

            int best = first;
            int end = Math.Min(first + 4, count);
            for (int c = first + 1; c < end; c++)
            {
                if (QueueEntry.Less(Unsafe.Add(ref items, c), Unsafe.Add(ref items, best)))
                {
                    best = c;
                }
            }

            ref QueueEntry smallest = ref Unsafe.Add(ref items, best);
            if (!QueueEntry.Less(smallest, entry))
            {
                break;
            }

            Unsafe.Add(ref items, index) = smallest;
            index = best;
        }

        Unsafe.Add(ref items, index) = entry;
    }
}
