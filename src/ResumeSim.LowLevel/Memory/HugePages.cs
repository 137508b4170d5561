namespace ResumeSim.LowLevel.Memory;

/// <summary>
/// Asks Linux to back the 2 MiB pages around pinned blocks with transparent huge pages (THP in "always"
/// or "madvise" mode). A bucket queue at 10^7 pending events appends to one of ~10^4 bucket arrays
/// spread over as many 4 KiB pages, a TLB miss per append; on 2 MiB pages they share a few hundred
/// (docs/performance.md, Follow-up 5). The advice covers whole 2 MiB pages, so it also reaches the
/// memory around the block (other pinned objects): it changes how memory is backed, never what it
/// holds. Elsewhere, or when the kernel refuses, nothing happens: only speed differs.
/// </summary>
public static class HugePages
{
    private const long Size = 2L << 20;

    private static readonly HashSet<long> Advised = [];

    /// <summary>Advises every 2 MiB page that <paramref name="bytes"/> bytes from <paramref name="start"/> touch, once per page and process.</summary>
    public static void AdviseAround(nint start, long bytes)
    {
        if (!OperatingSystem.IsLinux() || bytes <= 0)
        {
            return;
        }

        long first = start & ~(Size - 1);
        long end = (start + bytes + Size - 1) & ~(Size - 1);
        lock (Advised)
        {
            for (long page = first; page < end; page += Size)
            {
                if (Advised.Add(page))
                {
                    // Advice for pages not touched yet, then a synchronous collapse of those already
                    // touched (the runtime zeroes new arrays); failures are ignored.
                    _ = NativeMemoryCalls.madvise((nint)page, (nuint)Size, NativeMemoryCalls.MadvHugePage);
                    _ = NativeMemoryCalls.madvise((nint)page, (nuint)Size, NativeMemoryCalls.MadvCollapse);
                }
            }
        }
    }

    /// <summary>Whether the 2 MiB page holding <paramref name="address"/> was advised (for tests).</summary>
    internal static bool WasAdvised(nint address)
    {
        lock (Advised)
        {
            return Advised.Contains(address & ~(Size - 1));
        }
    }
}
