using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace ResumeSim.LowLevel.Memory;

/// <summary>
/// Arrays of millions of structs that are read at random (a client's cache head, a session-table slot):
/// allocated pinned and, on Linux, advised to be backed by 2 MiB transparent huge pages. With 4 KiB pages a
/// random read of a multi-gigabyte array misses the TLB nearly every time and pays a page walk on top of
/// the cache miss; with 2 MiB pages the TLB covers gigabytes, and a random read costs about a third
/// less (docs/performance.md, Scale, has the measurement). Pinned arrays live on the pinned object heap and never move, so the advice
/// stays on their pages. Elsewhere, for element types holding references (which cannot be pinned at
/// allocation), or when the kernel refuses, these are ordinary arrays: only speed differs.
/// </summary>
public static class LargeArrays
{
    /// <summary>Arrays smaller than this are left to the garbage collector as usual.</summary>
    public const long MinAdvisedBytes = 4L << 20;

    private const long HugePage = 2L << 20;

    /// <summary>A zeroed array of <paramref name="length"/> elements, huge-page backed when large and possible.</summary>
    public static T[] Allocate<T>(int length)
        where T : struct
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        long bytes = (long)length * Unsafe.SizeOf<T>();
        if (bytes < MinAdvisedBytes || !OperatingSystem.IsLinux() || RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            return new T[length];
        }

        var array = GC.AllocateArray<T>(length, pinned: true);
        Advise(array, bytes);
        return array;
    }

    /// <summary>
    /// A zeroed array of <paramref name="length"/> elements that never moves, whatever its size (huge-page
    /// backed when large and possible), and the address of its first element in <paramref name="first"/>.
    /// A caller that keeps the address reads elements without touching the array object, whose header (the
    /// length a bounds check reads, the method table a null check reads) sits on a page of its own: a read
    /// of a random element far into a large array then costs one miss, not two (docs/performance.md,
    /// Follow-up 4). The caller keeps the array referenced for as long as it uses the address.
    /// </summary>
    public static unsafe T[] AllocatePinned<T>(int length, out T* first)
        where T : unmanaged
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var array = GC.AllocateArray<T>(length, pinned: true);
        long bytes = (long)length * sizeof(T);
        if (bytes >= MinAdvisedBytes && OperatingSystem.IsLinux())
        {
            Advise(array, bytes);
        }

        first = (T*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array));
        return array;
    }

    /// <summary>
    /// Asks the processor to start loading <paramref name="item"/>'s cache lines (up to 128 bytes, which
    /// may straddle three lines), for an element about to be read; a no-op where x86 prefetch is
    /// unavailable. Never faults, changes nothing.
    /// </summary>
    public static unsafe void Prefetch<T>(ref T item)
        where T : struct
    {
        if (Sse.IsSupported)
        {
            byte* at = (byte*)Unsafe.AsPointer(ref item);
            Sse.Prefetch0(at);
            if (Unsafe.SizeOf<T>() > 64)
            {
                Sse.Prefetch0(at + 64);
            }

            Sse.Prefetch0(at + Unsafe.SizeOf<T>() - 1);
        }
    }

    /// <summary>The same for <paramref name="length"/> bytes from <paramref name="start"/> (a record in a byte arena).</summary>
    public static unsafe void Prefetch(ref byte start, int length)
    {
        if (Sse.IsSupported && length > 0)
        {
            byte* at = (byte*)Unsafe.AsPointer(ref start);
            for (int offset = 0; offset < length; offset += 64)
            {
                Sse.Prefetch0(at + offset);
            }

            Sse.Prefetch0(at + length - 1);
        }
    }

    private static void Advise<T>(T[] array, long bytes)
        where T : struct
    {
        var handle = GCHandle.Alloc(array, GCHandleType.Pinned);
        try
        {
            long start = (long)handle.AddrOfPinnedObject();
            long first = (start + HugePage - 1) & ~(HugePage - 1);
            long end = (start + bytes) & ~(HugePage - 1);
            if (end > first)
            {
                // Advice for pages not touched yet, then a synchronous collapse of those the zeroing touched
                // (MADV_COLLAPSE, Linux 6.1+; older kernels refuse it and khugepaged collapses later).
                // Failures are ignored: the array works the same on 4 KiB pages.
                _ = NativeMemoryCalls.madvise((nint)first, (nuint)(end - first), NativeMemoryCalls.MadvHugePage);
                _ = NativeMemoryCalls.madvise((nint)first, (nuint)(end - first), NativeMemoryCalls.MadvCollapse);
            }
        }
        finally
        {
            handle.Free();
        }
    }
}
