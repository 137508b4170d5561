using System.Diagnostics;
using System.Numerics;
using ResumeSim.Engine;

namespace ResumeSim.Bench.Queues;

/// <summary>Draining, sizing and rebuilding of the calendar (see the remarks on the main part).</summary>
public sealed partial class CalendarQueue
{
    /// <summary>Moves every entry of <c>near</c> and the buckets into <c>far</c>.</summary>
    private void DrainAllToFar()
    {
        foreach (var entry in _near.Items)
        {
            AddFar(entry);
        }

        _near.Clear();
        if (_hasCalendar)
        {
            for (int i = _cursor + 1; i < _bucketCount && _inBuckets > 0; i++)
            {
                ref var b = ref _buckets[i];
                for (int j = 0; j < Math.Min(b.Count, InlineCapacity); j++)
                {
                    AddFar(b.Entries[j]);
                }

                for (int node = b.Overflow; node != 0; node = _nodes[node - 1].Next)
                {
                    AddFar(_nodes[node - 1].Entry);
                }

                _inBuckets -= b.Count;
                b.Count = 0;
                b.Overflow = 0;
            }
        }

        Debug.Assert(_inBuckets == 0);
        _freeHead = 0;
        _poolUsed = 0;
        _hasCalendar = false;
    }

    /// <summary>Sizes a new year from the entries in <c>far</c> and moves those inside it to buckets.</summary>
    private void Rebuild()
    {
        Debug.Assert(_near.Count == 0 && _inBuckets == 0 && _farCount > 0);
        Rebuilds++;
        var far = _far;
        int m = _farCount;
        if (m <= HeapOnlyUpTo / 2)
        {
            _near.AddRangeAndHeapify(far.AsSpan(0, m));
            _farCount = 0;
            _hasCalendar = false;
            return;
        }

        long min = long.MaxValue;
        for (int i = 0; i < m; i++)
        {
            min = Math.Min(min, far[i].Time);
        }

        _buckets[_bucketCount] = default; // the previous calendar's sentinel
        int log2 = Math.Clamp(BitOperations.Log2((uint)Math.Max(1, m / EntriesPerBucket - 1)) + 1, 4, MaxBucketsLog2);
        int buckets = 1 << log2;
        _shift = EstimateShift(far, m, min, buckets, log2);
        _bucketsLog2 = log2;
        _bucketCount = buckets;
        _base = min;
        _cursor = -1;
        _nearEndOffset = 0;
        _hasCalendar = true;
        if (_buckets.Length < buckets + 1)
        {
            _buckets = new Bucket[buckets + 1];
        }

        // Every bucket is already empty: Advance empties each bucket it visits and a year ends only
        // when no bucket holds anything. A spare bucket past the end is a non-empty sentinel that
        // stops Advance's scan without a bound check.
        _buckets[buckets] = new Bucket { Count = 1 };

        int kept = 0;
        for (int i = 0; i < m; i++)
        {
            var entry = far[i];
            ulong bucket = unchecked((ulong)entry.Time - (ulong)min) >> _shift;
            if (bucket < (ulong)buckets)
            {
                Push((int)bucket, entry);
                _inBuckets++;
            }
            else
            {
                far[kept++] = entry;
            }
        }

        _farCount = kept;
        Debug.Assert(_inBuckets > 0, "the minimum always lands in bucket 0");
    }

    /// <summary>log2 of a bucket width that spreads the covered quantile over the buckets.</summary>
    private int EstimateShift(QueueEntry[] far, int m, long min, int buckets, int log2)
    {
        int stride = Math.Max(1, m / SampleSize);
        int n = 0;
        for (int i = 0; i < m && n < SampleSize; i += stride)
        {
            _sample[n++] = far[i].Time;
        }

        var sample = _sample.AsSpan(0, n);
        sample.Sort();
        long quantile = sample[(int)(CoveredQuantile * (n - 1))];
        double span = (double)quantile - min;
        double ideal = span / (CoveredQuantile * buckets);
        int shift = ideal <= 1 ? 0 : (int)Math.Ceiling(Math.Log2(ideal));

        // Keep N·W <= 2^63 so offsets never wrap.
        return Math.Min(shift, 63 - log2);
    }

    /// <summary>An overflow list node: the entry and the next node's index + 1 (0 ends the list).</summary>
    private struct Node
    {
        public QueueEntry Entry;
        public int Next;
    }

    /// <summary>Room for three entries inside the bucket itself.</summary>
    [System.Runtime.CompilerServices.InlineArray(InlineCapacity)]
    private struct InlineEntries
    {
        private QueueEntry _first;
    }

    /// <summary>
    /// One bucket, 80 bytes (3 x 24 B entries and two ints): most buckets hold 0-3 entries (about 2 on average), so an enqueue
    /// touches one place in memory instead of a head array plus a scattered list node.
    /// </summary>
    private struct Bucket
    {
        public int Count;
        public int Overflow; // first overflow node index + 1; 0 = none
        public InlineEntries Entries;
    }
}
