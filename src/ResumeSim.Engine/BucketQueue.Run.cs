using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace ResumeSim.Engine;

/// <summary>
/// The current bucket as a sorted run: when a bucket comes up, its entries are sorted once by a radix
/// sort on their time within the bucket, and then leave from the front of the run one by one.
/// </summary>
/// <remarks>
/// <para>Why not a heap. A bucket holds about <see cref="EntriesPerBucket"/> entries; taking each of them
/// from a 4-ary heap of that size is five levels of "which child is smallest", comparisons of random
/// times whose outcome the branch predictor guesses wrong about half the time. The radix sort has no
/// data-dependent branch: a pass per byte of the time's offset in the bucket (at most
/// ceil(shift / 8), and a pass whose byte is the same for every entry is skipped), each a count and a
/// scatter. Taking from the run is then one comparison with <c>near</c>, which is predictable: near holds
/// only what was scheduled into the current bucket after it came up (a service end a few milliseconds
/// on), and is usually empty.</para>
/// <para>Exact order. The sort is stable and orders by time only; equal times (an entry's key breaks the
/// tie) are put in key order by one pass over the sorted run, a comparison per entry that finds nothing
/// to do unless two entries share a time. Entries leave in (time, key) order, as from the heap, so the
/// run changes speed, never results.</para>
/// </remarks>
public sealed partial class BucketQueue
{
    private const int DigitBits = 8;
    private const int Digits = 1 << DigitBits;
    private const int SortByInsertionUpTo = 32;

    private QueueEntry[] _run = new QueueEntry[1 << MinArrayLog2];
    private QueueEntry[] _runScratch = new QueueEntry[1 << MinArrayLog2];
    private readonly int[] _digitCounts = new int[8 * Digits];
    private int _runHead;
    private int _runEnd;

    /// <summary>Whether the smallest pending entry is the run's first (else it is near's, or nothing is pending).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool RunLeads() =>
        _runHead < _runEnd && (_near.Count == 0 || QueueEntry.Less(_run[_runHead], _near.Top));

    /// <summary>
    /// The second entry of the current bucket; false when that bucket holds one entry (the next one is
    /// in a later bucket, which is not built early for a hint).
    /// </summary>
    public bool TryPeekSecond(out QueueEntry entry)
    {
        int inRun = _runEnd - _runHead;
        if (inRun == 0)
        {
            return _near.TryPeekSecond(out entry);
        }

        if (_near.Count == 0)
        {
            if (inRun < 2)
            {
                entry = default;
                return false;
            }

            entry = _run[_runHead + 1];
            return true;
        }

        ref readonly var runFirst = ref _run[_runHead];
        ref readonly var nearFirst = ref _near.Top;
        if (QueueEntry.Less(runFirst, nearFirst))
        {
            entry = inRun > 1 && QueueEntry.Less(_run[_runHead + 1], nearFirst) ? _run[_runHead + 1] : nearFirst;
            return true;
        }

        entry = _near.TryPeekSecond(out var nearSecond) && QueueEntry.Less(nearSecond, runFirst) ? nearSecond : runFirst;
        return true;
    }

    /// <summary>Sorts <paramref name="bucket"/> (entries whose times lie in [start, start + 2^shift)) into the run.</summary>
    private void LoadRun(ReadOnlySpan<QueueEntry> bucket, long start)
    {
        Debug.Assert(_runHead == _runEnd, "the run is loaded only once it is used up");
        int n = bucket.Length;
        if (_run.Length < n)
        {
            int length = Math.Max(n, _run.Length * 2);
            _run = new QueueEntry[length];
            _runScratch = new QueueEntry[length];
        }

        _runHead = 0;
        _runEnd = n;
        if (n <= SortByInsertionUpTo)
        {
            bucket.CopyTo(_run);
            InsertionSort(_run.AsSpan(0, n));
            return;
        }

        RadixSortByTime(bucket, start);
        PutEqualTimesInKeyOrder(_run.AsSpan(0, n));
    }

    private void RadixSortByTime(ReadOnlySpan<QueueEntry> bucket, long start)
    {
        int n = bucket.Length;
        int passes = Math.Max(1, (_shift + DigitBits - 1) / DigitBits);
        var counts = _digitCounts.AsSpan(0, passes * Digits);
        counts.Clear();
        foreach (ref readonly var e in bucket)
        {
            ulong offset = unchecked((ulong)(e.Time - start));
            for (int p = 0; p < passes; p++)
            {
                counts[(p * Digits) + (int)((offset >> (p * DigitBits)) & (Digits - 1))]++;
            }
        }

        ReadOnlySpan<QueueEntry> source = bucket;
        bool sourceIsRun = false;
        for (int p = 0; p < passes; p++)
        {
            var digit = counts.Slice(p * Digits, Digits);
            int first = (int)((unchecked((ulong)(source[0].Time - start)) >> (p * DigitBits)) & (Digits - 1));
            if (digit[first] == n)
            {
                continue; // every entry has this byte: the pass would not move anything
            }

            int position = 0;
            for (int d = 0; d < Digits; d++)
            {
                int c = digit[d];
                digit[d] = position;
                position += c;
            }

            var target = sourceIsRun ? _runScratch : _run;
            foreach (ref readonly var e in source)
            {
                int d = (int)((unchecked((ulong)(e.Time - start)) >> (p * DigitBits)) & (Digits - 1));
                target[digit[d]++] = e;
            }

            source = target.AsSpan(0, n);
            sourceIsRun = target == _run;
        }

        if (!sourceIsRun)
        {
            source.CopyTo(_run);
        }
    }

    /// <summary>Within each group of equal times, puts the entries in key order (the sort left them in arrival order).</summary>
    private static void PutEqualTimesInKeyOrder(Span<QueueEntry> run)
    {
        for (int i = 1; i < run.Length; i++)
        {
            if (run[i].Time == run[i - 1].Time && run[i].Key < run[i - 1].Key)
            {
                var entry = run[i];
                int j = i;
                do
                {
                    run[j] = run[j - 1];
                    j--;
                }
                while (j > 0 && QueueEntry.Less(entry, run[j - 1]));

                run[j] = entry;
            }
        }
    }

    private static void InsertionSort(Span<QueueEntry> entries)
    {
        for (int i = 1; i < entries.Length; i++)
        {
            var entry = entries[i];
            int j = i;
            while (j > 0 && QueueEntry.Less(entry, entries[j - 1]))
            {
                entries[j] = entries[j - 1];
                j--;
            }

            entries[j] = entry;
        }
    }
}
