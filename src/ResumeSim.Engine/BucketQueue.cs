using System.Diagnostics;
using ResumeSim.LowLevel.Memory;

namespace ResumeSim.Engine;

/// <summary>
/// A ladder-style queue with few, wide, append-only buckets (after the ladder queue of Tang, Goh and
/// Thng, ACM TOMACS 15(3), 2005): O(1) amortised enqueue and dequeue, and, unlike a calendar queue
/// (Brown 1988; the engine benchmark measures one beside it), an enqueue far in the future touches a
/// cache line that is already hot.
/// </summary>
/// <remarks>
/// <para>Why a second bucket queue. At 10^7 pending events (one visit per idle client, DESIGN §3) the
/// calendar queue keeps about two entries per bucket, so each enqueue lands on one of ~5 million
/// random 56-byte buckets: a cache miss and often a TLB miss on every hold (docs/performance.md has the
/// times). Here a bucket holds about <see cref="EntriesPerBucket"/> entries in its own
/// array, so 10^7 entries need ~10^4 buckets whose write heads (the last line of each array) stay in
/// the last-level cache; an enqueue is a sequential append. The cost moves to the dequeue side, where
/// a whole bucket is sorted once, in cache, by a radix sort on time (BucketQueue.Run.cs).</para>
/// <para>Layout: the current bucket as a sorted <c>run</c>, taken from the front; <c>near</c>, a 4-ary
/// heap with whatever is enqueued into the current bucket's time after it came up (and anything enqueued
/// "in the past"), and the whole queue while it holds few entries; the buckets after the current
/// one, each an unsorted array; <c>far</c>, an unsorted list in fixed chunks (<see cref="EntryChunks"/>)
/// with every entry at or beyond the end of the "year" [base, base + N·W). When the buckets run dry the
/// year is rebuilt from <c>far</c>: base is the earliest pending time, N the power of two nearest
/// count / <see cref="EntriesPerBucket"/>, and W = 2^shift ticks so that the year covers the 90%
/// quantile of a strided sample of pending times (a far tail such as a timeout hours away stays in
/// <c>far</c>). When the buckets hold more than
/// <see cref="GrowWhenPerBucketAbove"/> entries each on average, every entry goes back to
/// <c>far</c> and the next read builds a larger year. Rebuilding depends only on the entries, never on
/// a clock or random source, and exact FIFO for equal times holds because equal times always share a
/// region and a bucket and the heap orders by (time, key).</para>
/// <para>Memory: 24 B per entry (time, key and the caller's payload, <see cref="QueueEntry"/>) plus
/// bounded slack. Bucket arrays have power-of-two lengths, are pinned and come from a pool, one stack per length: a
/// rebuild counts the entries of each bucket first and takes an array for them and a quarter more, and a
/// bucket's array goes back to the pool once it has become the heap. Arrays therefore follow the
/// entries from bucket to bucket and year to year, with no allocation in steady state; keeping every
/// bucket's array at the largest size it ever reached cost ~270 B per pending event at 10^7
/// (2.7 GB, docs/performance.md, Scale). The 2 MiB pages around each new array are advised for
/// transparent huge pages (<see cref="HugePages"/>): appends land on ~10^4 arrays at random, and on
/// 4 KiB pages each would be a TLB miss (docs/performance.md, Follow-up 5).</para>
/// </remarks>
public sealed partial class BucketQueue : IEventQueue, IEventQueueLookahead
{
    /// <summary>Target entries per bucket when a year is built (2^10 x 24 B = 24 KiB per bucket, in L2 when it becomes the heap).</summary>
    public const int EntriesPerBucket = 1024;

    private const int GrowWhenPerBucketAbove = EntriesPerBucket * 4;
    private const int MinArrayLog2 = 6;
    private const int HeapOnlyUpTo = 2 * EntriesPerBucket;
    private const int MinBuckets = 4;
    private const int MaxBucketsLog2 = 16;
    private const int SampleSize = 1024;
    private const double CoveredQuantile = 0.9;

    private readonly QuaternaryHeap _near = new(64);
    private readonly long[] _sample = new long[SampleSize];
    private readonly Stack<QueueEntry[]>?[] _pool = new Stack<QueueEntry[]>?[31];

    private readonly EntryChunks _far = new();

    private QueueEntry[]?[] _bucketItems = new QueueEntry[]?[MinBuckets];
    private int[] _bucketCounts = new int[MinBuckets];

    // Each bucket's array length and the address of its first entry, kept beside the counts so that an
    // append touches only the line it writes, never the array's header (a length check or a null check
    // reads it): with 10^4 buckets the headers are 10^4 more cache lines, and that read was 11-12% of a
    // 10M-client run's samples. Bucket arrays are pinned (allocated on the pinned heap, pooled), so an
    // address stays valid while the array is in _bucketItems.
    private int[] _bucketRoom = new int[MinBuckets];
    private nint[] _bucketData = new nint[MinBuckets];
    private int _bucketCount;
    private int _shift;
    private long _base;
    private int _cursor;
    private ulong _nearEndOffset;
    private int _inBuckets;
    private bool _hasYear;
    private int _count;

    /// <summary>Number of times a year was built (for tests and tuning).</summary>
    public long Rebuilds { get; private set; }

    /// <summary>Buckets in the current year (0 when the heap holds everything).</summary>
    public int BucketCount => _hasYear ? _bucketCount : 0;

    /// <inheritdoc/>
    public int Count => _count;

    /// <inheritdoc/>
    public void Enqueue(long time, long key, long payload)
    {
        _count++;
        if (!_hasYear)
        {
            if (_far.Count > 0)
            {
                AddFar(new QueueEntry(time, key, payload)); // "unbuilt": the next read builds the year once
                return;
            }

            _near.Enqueue(time, key, payload);
            if (_near.Count > HeapOnlyUpTo)
            {
                MoveNearToFar();
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

        Append((int)bucket, new QueueEntry(time, key, payload));
        if (++_inBuckets > _bucketCount * GrowWhenPerBucketAbove && _bucketCount < (1 << MaxBucketsLog2))
        {
            MoveBucketsToFar(); // outgrown: size a larger year at the next read
        }
    }

    /// <inheritdoc/>
    public bool TryPeek(out QueueEntry entry)
    {
        if (RunLeads())
        {
            entry = _run[_runHead];
            return true;
        }

        if (_near.Count == 0 && !Advance())
        {
            entry = default;
            return false;
        }

        if (RunLeads())
        {
            entry = _run[_runHead];
            return true;
        }

        entry = _near.Top;
        return true;
    }

    /// <inheritdoc/>
    public bool TryDequeue(out QueueEntry entry)
    {
        int head = _runHead;
        if (head < _runEnd)
        {
            if (_near.Count == 0 || QueueEntry.Less(_run[head], _near.Top))
            {
                _runHead = head + 1;
                _count--;
                entry = _run[head];
                return true;
            }
        }
        else if (_near.Count == 0)
        {
            return TryDequeueNextBucket(out entry);
        }

        _count--;
        return _near.TryDequeue(out entry);
    }

    /// <summary>The run and <c>near</c> are both empty: brings up the next bucket (or a new year) and dequeues from it.</summary>
    private bool TryDequeueNextBucket(out QueueEntry entry)
    {
        if (!Advance())
        {
            entry = default;
            return false;
        }

        return TryDequeue(out entry);
    }

    /// <inheritdoc/>
    public void Clear()
    {
        _near.Clear();
        _runHead = _runEnd = 0;
        _bucketCounts.AsSpan().Clear();
        _far.Truncate(0);
        _inBuckets = 0;
        _count = 0;
        _hasYear = false;
    }

    /// <summary>Turns the next non-empty bucket into the run; builds a new year when the buckets are empty.</summary>
    private bool Advance()
    {
        Debug.Assert(_near.Count == 0 && _runHead == _runEnd);
        while (true)
        {
            if (_inBuckets > 0)
            {
                var counts = _bucketCounts;
                int cursor = _cursor;
                while (counts[++cursor] == 0)
                {
                }

                _cursor = cursor;
                _nearEndOffset = (ulong)(cursor + 1) << _shift;
                int n = counts[cursor];
                LoadRun(_bucketItems[cursor].AsSpan(0, n), unchecked(_base + (long)((ulong)cursor << _shift)));
                counts[cursor] = 0;
                Return(_bucketItems[cursor]!);
                SetBucket(cursor, null);

                _inBuckets -= n;
                return true;
            }

            if (_far.Count == 0)
            {
                _hasYear = false; // empty: the next entries live in the heap until there are many
                return false;
            }

            Rebuild();
            if (_near.Count > 0)
            {
                return true; // few entries: the rebuild put them all in the heap
            }
        }
    }

    private void MoveBucketsToFar()
    {
        for (int b = _cursor + 1; b < _bucketCount; b++)
        {
            int n = _bucketCounts[b];
            if (n > 0)
            {
                AddFarRange(_bucketItems[b].AsSpan(0, n));
                _bucketCounts[b] = 0;
            }
        }

        _inBuckets = 0;
        _hasYear = false;
        MoveNearToFar();
    }

    private void MoveNearToFar()
    {
        AddFarRange(_run.AsSpan(_runHead, _runEnd - _runHead));
        _runHead = _runEnd = 0;
        AddFarRange(_near.Items);
        _near.Clear();
        _hasYear = false;
    }

    private void AddFar(QueueEntry entry) => _far.Add(entry);

    private void AddFarRange(ReadOnlySpan<QueueEntry> entries) => _far.AddRange(entries);
}
