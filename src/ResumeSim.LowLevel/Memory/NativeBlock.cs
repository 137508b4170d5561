using System.Runtime.InteropServices;

namespace ResumeSim.LowLevel.Memory;

/// <summary>
/// Zeroed memory for <see cref="Length"/> elements outside the garbage-collected heap, for a table that is
/// replaced by a larger one as it grows: <see cref="Dispose"/> gives the memory back to the system at once.
/// A pinned array, once garbage, keeps its memory in the process until a full collection that may never
/// come; at ten million clients the hundred servers' first session tables (1.4 GB) stayed resident for the
/// rest of the run after the tables grew (docs/performance.md, Follow-up 6). On Linux the block is its own
/// anonymous mapping, advised for transparent huge pages when large (as <see cref="LargeArrays"/>);
/// elsewhere it comes from the C heap. A block that is never disposed is freed by its finalizer.
/// </summary>
public sealed unsafe class NativeBlock<T> : IDisposable
    where T : unmanaged
{
    private const int ProtReadWrite = 1 | 2;
    private const int MapPrivateAnonymous = 0x02 | 0x20;

    private readonly nuint bytes;
    private readonly bool mapped;
    private T* first;

    /// <summary>Allocates <paramref name="length"/> zeroed elements.</summary>
    /// <exception cref="OutOfMemoryException">when the system refuses the memory.</exception>
    public NativeBlock(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Length = length;
        bytes = (nuint)length * (nuint)sizeof(T);
        if (bytes == 0)
        {
            return;
        }

        if (OperatingSystem.IsLinux())
        {
            nint at = NativeMemoryCalls.mmap(0, bytes, ProtReadWrite, MapPrivateAnonymous, -1, 0);
            if (at == -1)
            {
                throw new OutOfMemoryException($"mmap of {bytes} bytes failed (errno {Marshal.GetLastPInvokeError()})");
            }

            if ((long)bytes >= LargeArrays.MinAdvisedBytes)
            {
                _ = NativeMemoryCalls.madvise(at, bytes, NativeMemoryCalls.MadvHugePage);
            }

            first = (T*)at;
            mapped = true;
        }
        else
        {
            first = (T*)NativeMemory.AllocZeroed(bytes);
        }

        OffHeapMemory.Add((long)bytes);
    }

    ~NativeBlock() => Release();

    /// <summary>Elements in the block.</summary>
    public int Length { get; }

    /// <summary>The first element (null for an empty block); valid until <see cref="Dispose"/>.</summary>
    public T* First => first;

    /// <summary>Gives the memory back; the block must not be used after.</summary>
    public void Dispose()
    {
        Release();
        GC.SuppressFinalize(this);
    }

    private void Release()
    {
        if (first == null)
        {
            return;
        }

        if (mapped)
        {
            _ = NativeMemoryCalls.munmap((nint)first, bytes);
        }
        else
        {
            NativeMemory.Free(first);
        }

        first = null;
        OffHeapMemory.Add(-(long)bytes);
    }
}
