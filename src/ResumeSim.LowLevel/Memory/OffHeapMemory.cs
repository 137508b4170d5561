namespace ResumeSim.LowLevel.Memory;

/// <summary>
/// Memory this process holds outside the garbage-collected heap for the resumption core (session tables'
/// <see cref="NativeBlock{T}"/>s), which <see cref="GC.GetTotalMemory(bool)"/> does not see: a benchmark that
/// reports bytes held per client adds it (docs/performance.md, Follow-up 6).
/// </summary>
public static class OffHeapMemory
{
    private static long bytesInUse;

    /// <summary>Bytes allocated and not yet given back, over all threads.</summary>
    public static long BytesInUse => Interlocked.Read(ref bytesInUse);

    internal static void Add(long bytes) => Interlocked.Add(ref bytesInUse, bytes);
}
