using System.Runtime.InteropServices;

namespace ResumeSim.Tls;

/// <summary>The libc calls behind <see cref="NativeBlock{T}"/> (a generic type cannot declare them).</summary>
internal static class NativeMemoryCalls
{
    [DllImport("libc", SetLastError = true)]
    public static extern nint mmap(nint address, nuint length, int protection, int flags, int fd, nint offset);

    [DllImport("libc", SetLastError = true)]
    public static extern int munmap(nint address, nuint length);

    [DllImport("libc", SetLastError = true)]
    public static extern int madvise(nint address, nuint length, int advice);
}
