using System.Diagnostics;

namespace ResumeSim.Engine;

/// <summary>Building a year: the buckets' width from a sample of pending times, then the entries moved out of <c>far</c>.</summary>
public sealed partial class BucketQueue
{
    /// <summary>Builds a year from <c>far</c> (every pending entry not in <c>near</c>, which is empty).</summary>
    private void Rebuild()
    {
        Rebuilds++;
        var far = _far;
        int farCount = far.Count;
        int chunks = far.ChunksInUse;
        if (farCount <= HeapOnlyUpTo / 2)
        {
            Debug.Assert(farCount <= EntryChunks.ChunkSize, "few entries fit in far's first chunk");
            _near.AddRangeAndHeapify(far.Chunk(0)); // few entries: the heap alone is cheaper than a year
            far.Truncate(0);
            _hasYear = false;
            return;
        }

        long min = long.MaxValue;
        for (int c = 0; c < chunks; c++)
        {
            foreach (ref readonly var e in far.Chunk(c))
            {
                min = Math.Min(min, e.Time);
            }
        }

        int buckets = MinBuckets;
        while (buckets < (1 << MaxBucketsLog2) && buckets * 2L * EntriesPerBucket <= farCount)
        {
            buckets *= 2;
        }

        // The year covers the sampled 90% quantile; a strided sample is deterministic and cheap.
        int samples = Math.Min(SampleSize, farCount);
        long stride = farCount / samples;
        for (int i = 0; i < samples; i++)
        {
            _sample[i] = far[(int)(i * stride)].Time;
        }

        Array.Sort(_sample, 0, samples);
        ulong span = unchecked((ulong)_sample[(int)(CoveredQuantile * (samples - 1))] - (ulong)min) + 1;
        int shift = 0;
        while (shift < 62 && ((span - 1) >> shift) >= (ulong)buckets)
        {
            shift++;
        }

        EnsureBuckets(buckets);
        _bucketCount = buckets;
        _shift = shift;
        _base = min;
        _cursor = -1;
        _nearEndOffset = 0;
        _hasYear = true;

        // Count first, so that each bucket's array is sized once for what it gets now and a quarter more.
        var counts = _bucketCounts;
        for (int c = 0; c < chunks; c++)
        {
            foreach (ref readonly var e in far.Chunk(c))
            {
                ulong bucket = unchecked((ulong)e.Time - (ulong)min) >> shift;
                if (bucket < (ulong)buckets)
                {
                    counts[(int)bucket]++;
                }
            }
        }

        for (int b = 0; b < buckets; b++)
        {
            int need = counts[b] + (counts[b] / 4);
            var items = _bucketItems[b];
            if (counts[b] > 0 && (items is null || items.Length < need || items.Length >= 4 * Math.Max(need, 1 << MinArrayLog2)))
            {
                if (items is not null)
                {
                    Return(items);
                }

                SetBucket(b, Rent(need));
            }

            counts[b] = 0;
        }

        // What stays in far moves to its front, in order; the write never passes the read.
        int kept = 0;
        for (int c = 0; c < chunks; c++)
        {
            foreach (var e in far.Chunk(c))
            {
                ulong bucket = unchecked((ulong)e.Time - (ulong)min) >> shift;
                if (bucket < (ulong)buckets)
                {
                    Append((int)bucket, e);
                    _inBuckets++;
                }
                else
                {
                    far[kept++] = e;
                }
            }
        }

        far.Truncate(kept);
    }

    private void EnsureBuckets(int buckets)
    {
        // One sentinel past the end stops the cursor scan in Advance without a bounds check of its own.
        if (_bucketCounts.Length < buckets + 1)
        {
            Array.Resize(ref _bucketItems, buckets + 1);
            Array.Resize(ref _bucketCounts, buckets + 1);
            Array.Resize(ref _bucketRoom, buckets + 1);
            Array.Resize(ref _bucketData, buckets + 1);
        }

        _bucketCounts.AsSpan(0, buckets).Clear();
        _bucketCounts[buckets] = 1;
    }
}
