using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ResumeSim.LowLevel.Memory;

namespace ResumeSim.Engine;

/// <summary>
/// The bucket arrays: pinned, pooled by power-of-two length, huge-page advised, and appended to through
/// their addresses (see the class remarks for why).
/// </summary>
public sealed partial class BucketQueue
{
    private unsafe void Append(int bucket, QueueEntry entry)
    {
        int n = _bucketCounts[bucket];
        if (n == _bucketRoom[bucket])
        {
            Grow(bucket, n);
        }

        Debug.Assert(n < _bucketItems[bucket]!.Length, "a bucket's room is its array's length");
        ((QueueEntry*)_bucketData[bucket])[n] = entry;
        _bucketCounts[bucket] = n + 1;
    }

    private void SetBucket(int bucket, QueueEntry[]? items)
    {
        _bucketItems[bucket] = items;
        _bucketRoom[bucket] = items?.Length ?? 0;
        _bucketData[bucket] = items is null ? 0 : AddressOf(items);
    }

    // Kept out of line: inlined into its callers (tiered PGO inlined it up into the world's event handler),
    // the allocation of a pinned array brought its native call's frame along, and the caller set that
    // frame up and zeroed a much larger stack frame on every event, not only when a bucket grows.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(int bucket, int n)
    {
        var old = _bucketItems[bucket];
        var items = Rent(old is null ? 1 : checked(old.Length * 2));
        if (old is not null)
        {
            old.AsSpan(0, n).CopyTo(items);
            Return(old);
        }

        SetBucket(bucket, items);
    }

    /// <summary>A pooled array of the smallest power-of-two length (at least 64) that holds <paramref name="entries"/>.</summary>
    private QueueEntry[] Rent(int entries)
    {
        int log2 = Math.Max(MinArrayLog2, BitOperations.Log2((uint)Math.Max(1, entries) - 1) + 1);
        if (_pool[log2] is { Count: > 0 } pool)
        {
            return pool.Pop();
        }

        var items = GC.AllocateArray<QueueEntry>(1 << log2, pinned: true);
        HugePages.AdviseAround(AddressOf(items), (long)items.Length * Unsafe.SizeOf<QueueEntry>());
        return items;
    }

    private static unsafe nint AddressOf(QueueEntry[] items) => (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(items));

    private void Return(QueueEntry[] items) => (_pool[BitOperations.Log2((uint)items.Length)] ??= new Stack<QueueEntry[]>()).Push(items);
}
