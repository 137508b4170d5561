using System.Diagnostics;
using ResumeSim.Engine;

namespace ResumeSim.Bench.Queues;

/// <summary>
/// A calendar-style bucket queue (after R. Brown, "Calendar queues", CACM 31(10), 1988, with the
/// unsorted buckets and sorted "current bucket" of the ladder queue, Tang et al., ACM TOMACS 2005).
/// O(1) amortised enqueue and dequeue when event times are spread smoothly; it never does worse
/// than a heap on the events of one bucket.
/// </summary>
/// <remarks>
/// <para>Layout. The "year" [base, base + N·W) is cut into N buckets of width W = 2^shift ticks.
/// Each bucket is unsorted: up to 3 entries inline, more in an overflow list (O(1) insert).
/// Three regions hold every entry, strictly ordered by time:</para>
/// <list type="number">
/// <item><c>near</c>: a 4-ary heap with every entry earlier than the end of the current bucket
/// (including times enqueued "in the past"); dequeue pops from here.</item>
/// <item>the buckets after the current one;</item>
/// <item><c>far</c>: an unsorted array with every entry at or beyond the end of the year.</item>
/// </list>
/// <para>Up to 128 entries the queue is just the heap (heap-only mode): a calendar that holds a
/// handful of events would be rebuilt every few operations. Above that it switches to buckets,
/// and back when a rebuild finds 64 entries or fewer.</para>
/// <para>When <c>near</c> is empty the cursor walks to the next non-empty bucket and moves its
/// entries (up to 3 inline in the 80-byte bucket, the rest in an overflow list) into the heap. At the end of the year the calendar is rebuilt from <c>far</c>: N becomes
/// the power of two nearest count/2 (about two entries per bucket) and W is estimated from a
/// strided sample of the pending times so that the year covers the 90% quantile; the far tail
/// (a timeout hours away among events microseconds apart) stays in <c>far</c> instead of
/// stretching W. When the buckets hold more than 3 entries each on average every entry goes back
/// to <c>far</c> ("unbuilt": further inserts are plain appends) and the next read builds a larger
/// calendar, so growth costs O(1) amortised and a burst of inserts costs one rebuild.
/// Rebuilding is deterministic: it depends only on the entries, never on a clock or random source.</para>
/// <para>Exact FIFO for equal times holds because equal times always share a region and bucket
/// and the heap orders by (time, key). Steady state allocates nothing: the overflow pool, the
/// bucket array and <c>far</c> only grow to the peak population.</para>
/// </remarks>
public sealed partial class CalendarQueue : IEventQueue
{
    private const int MinBuckets = 16;
    private const int HeapOnlyUpTo = 128;
    private const int MaxBucketsLog2 = 24;
    private const int EntriesPerBucket = 2;
    private const int InlineCapacity = 3;
    private const int GrowWhenPerBucketAbove = 3;
    private const int SampleSize = 1024;
    private const double CoveredQuantile = 0.9;

    private readonly QuaternaryHeap _near = new(64);
    private readonly long[] _sample = new long[SampleSize];

    private QueueEntry[] _far = new QueueEntry[64];
    private int _farCount;

    private Node[] _nodes = new Node[64];
    private int _freeHead; // node index + 1; 0 = none
    private int _poolUsed;

    private Bucket[] _buckets = new Bucket[MinBuckets + 1];
    private int _bucketCount;
    private int _bucketsLog2;
    private int _shift;
    private long _base;
    private int _cursor;
    private ulong _nearEndOffset;
    private int _inBuckets;
    private bool _hasCalendar;
    private int _count;

    /// <summary>Number of times the calendar was rebuilt (for tests and tuning).</summary>
    public long Rebuilds { get; private set; }

    /// <summary>Current number of buckets (0 in heap-only mode).</summary>
    public int BucketCount => _hasCalendar ? _bucketCount : 0;

    /// <summary>Current bucket width in ticks.</summary>
    public long BucketWidth => _hasCalendar ? 1L << _shift : 0;

    /// <inheritdoc/>
    public int Count => _count;

    /// <inheritdoc/>
    public void Enqueue(long time, long key, long payload)
    {
        _count++;
        if (!_hasCalendar)
        {
            if (_farCount > 0)
            {
                // Unbuilt: a sequential append; the next peek or dequeue builds the calendar once.
                AddFar(new QueueEntry(time, key, payload));
                return;
            }

            // Small populations live in the heap alone: a calendar would be rebuilt every few events.
            _near.Enqueue(time, key, payload);
            if (_near.Count > HeapOnlyUpTo)
            {
                DrainAllToFar();
            }

            return;
        }

        // Unsigned difference is exact for any time >= base, even across the sign boundary.
        ulong offset = unchecked((ulong)time - (ulong)_base);
        if (time < _base || offset < _nearEndOffset)
        {
            _near.Enqueue(time, key, payload);
            return;
        }

        ulong bucket = offset >> _shift;
        if (bucket >= (ulong)_bucketCount)
        {
            AddFar(new QueueEntry(time, key, payload));
            return;
        }

        Push((int)bucket, new QueueEntry(time, key, payload));
        if (++_inBuckets > _bucketCount * GrowWhenPerBucketAbove && _bucketsLog2 < MaxBucketsLog2)
        {
            // Outgrown: fall back to "unbuilt" and size the next calendar when it is next read,
            // so a burst of inserts (10^7 clients scheduling their first visit) costs one rebuild.
            DrainAllToFar();
        }
    }

    /// <inheritdoc/>
    public bool TryPeek(out QueueEntry entry)
    {
        if (_near.Count == 0 && !Advance())
        {
            entry = default;
            return false;
        }

        return _near.TryPeek(out entry);
    }

    /// <inheritdoc/>
    public bool TryDequeue(out QueueEntry entry)
    {
        if (_near.Count == 0 && !Advance())
        {
            entry = default;
            return false;
        }

        _count--;
        return _near.TryDequeue(out entry);
    }

    /// <inheritdoc/>
    public void Clear()
    {
        _near.Clear();
        _buckets.AsSpan().Clear(); // Rebuild relies on every bucket being empty
        _farCount = 0;
        _freeHead = 0;
        _poolUsed = 0;
        _inBuckets = 0;
        _count = 0;
        _hasCalendar = false;
    }

    /// <summary>Moves the next non-empty bucket into <c>near</c>; rebuilds at the end of the year.</summary>
    private bool Advance()
    {
        Debug.Assert(_near.Count == 0);
        while (true)
        {
            if (!_hasCalendar && _farCount == 0)
            {
                return false; // heap-only mode keeps everything in near, which is empty
            }

            if (_inBuckets > 0)
            {
                // A sequential scan over 80-byte buckets: the hardware prefetcher hides the misses.
                var buckets = _buckets;
                int cursor = _cursor;
                while (buckets[++cursor].Count == 0)
                {
                }

                _cursor = cursor;
                _nearEndOffset = (ulong)(cursor + 1) << _shift;
                ref var b = ref buckets[cursor];
                int inline = Math.Min(b.Count, InlineCapacity);
                for (int i = 0; i < inline; i++)
                {
                    _near.Enqueue(b.Entries[i]);
                }

                int node = b.Overflow;
                var nodes = _nodes;
                while (node != 0)
                {
                    ref var n = ref nodes[node - 1];
                    _near.Enqueue(n.Entry);
                    int next = n.Next;
                    n.Next = _freeHead;
                    _freeHead = node;
                    node = next;
                }

                _inBuckets -= b.Count;
                b.Count = 0;
                b.Overflow = 0;
                return true;
            }

            if (_farCount == 0)
            {
                // Empty: back to heap-only mode; the next calendar is sized from the next entries.
                _hasCalendar = false;
                return false;
            }

            Rebuild();
            if (_near.Count > 0)
            {
                return true; // the rebuild found few entries and switched to heap-only mode
            }
        }
    }

    /// <summary>Adds an entry to a bucket: inline while there is room (one cache line touched), else to its overflow list.</summary>
    private void Push(int bucket, QueueEntry entry)
    {
        ref var b = ref _buckets[bucket];
        if (b.Count < InlineCapacity)
        {
            b.Entries[b.Count] = entry;
        }
        else
        {
            int node = _freeHead;
            if (node != 0)
            {
                _freeHead = _nodes[node - 1].Next;
            }
            else
            {
                node = ++_poolUsed;
                if (node > _nodes.Length)
                {
                    Array.Resize(ref _nodes, checked(_nodes.Length * 2));
                }
            }

            ref var n = ref _nodes[node - 1];
            n.Entry = entry;
            n.Next = b.Overflow;
            b.Overflow = node;
        }

        b.Count++;
    }

    private void AddFar(QueueEntry entry)
    {
        if (_farCount == _far.Length)
        {
            Array.Resize(ref _far, checked(_far.Length * 2));
        }

        _far[_farCount++] = entry;
    }
}
