using System.Diagnostics;
using System.Numerics;

namespace ResumeSim.Engine;

/// <summary>Sizing and rebuilding of the calendar (see the remarks on the main part).</summary>
public sealed partial class CalendarQueue
{
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

        int log2 = Math.Clamp(BitOperations.Log2((uint)Math.Max(1, m / EntriesPerBucket - 1)) + 1, 4, MaxBucketsLog2);
        int buckets = 1 << log2;
        _shift = EstimateShift(far, m, min, buckets, log2);
        _bucketsLog2 = log2;
        _bucketCount = buckets;
        _base = min;
        _cursor = -1;
        _nearEndOffset = 0;
        _hasCalendar = true;
        if (_heads.Length < buckets + 1)
        {
            _heads = new int[buckets + 1];
        }

        // One spare head past the end is a sentinel that stops Advance's scan without a bound check.
        _heads.AsSpan(0, buckets).Fill(-1);
        _heads[buckets] = 0;

        int kept = 0;
        for (int i = 0; i < m; i++)
        {
            var entry = far[i];
            ulong bucket = unchecked((ulong)entry.Time - (ulong)min) >> _shift;
            if (bucket < (ulong)buckets)
            {
                PushNode((int)bucket, entry);
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

    /// <summary>A bucket list node: the entry and the index of the next node (-1 ends the list), in one cache line.</summary>
    private struct Node
    {
        public QueueEntry Entry;
        public int Next;
    }
}
