using System.Runtime.InteropServices;

namespace ResumeSim.LowLevel.Memory;

/// <summary>The libc memory calls behind <see cref="NativeBlock{T}"/>, <see cref="LargeArrays"/> and <see cref="HugePages"/>.</summary>
internal static class NativeMemoryCalls
{
    /// <summary><c>MADV_HUGEPAGE</c>: back the range with transparent huge pages when possible.</summary>
    public const int MadvHugePage = 14;

    /// <summary><c>MADV_COLLAPSE</c> (Linux 6.1+): collapse the range's touched pages into huge pages now.</summary>
    public const int MadvCollapse = 25;

    [DllImport("libc", SetLastError = true)]
    public static extern nint mmap(nint address, nuint length, int protection, int flags, int fd, nint offset);

    [DllImport("libc", SetLastError = true)]
    public static extern int munmap(nint address, nuint length);

    [DllImport("libc", SetLastError = true)]
    public static extern int madvise(nint address, nuint length, int advice);
}
