using System.Runtime.InteropServices;

namespace ResumeSim.LowLevel.Files;

/// <summary>
/// What a path names, found without opening it: opening a named pipe for reading blocks until a
/// writer comes, and a device such as <c>/dev/zero</c> never ends, so the type must be known first.
/// .NET exposes no file type on Unix (its attributes say only directory or not), so on Linux this
/// asks <c>statx(2)</c>, whose <c>struct statx</c> has the same layout on every architecture.
/// </summary>
public static class FileTypeProbe
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int StatxBytes = 256;
    private const int ModeOffset = 28; // stx_mode, a __u16 after stx_mask, stx_blksize, stx_attributes, stx_nlink, stx_uid, stx_gid
    private const int TypeMask = 0xF000; // S_IFMT
    private const int RegularType = 0x8000; // S_IFREG
    private const int DirectoryType = 0x4000; // S_IFDIR

    /// <summary>The type of what <paramref name="path"/> names, following links.</summary>
    public static FileType Of(string path)
    {
        if (Directory.Exists(path))
        {
            return FileType.Directory;
        }

        if (!File.Exists(path))
        {
            return FileType.Missing;
        }

        if (!OperatingSystem.IsLinux())
        {
            return FileType.Unknown;
        }

        var buffer = new byte[StatxBytes];
        try
        {
            if (statx(AtFdCwd, path, 0, StatxType, buffer) != 0)
            {
                return FileType.Unknown;
            }
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException or ArgumentException)
        {
            return FileType.Unknown; // a C library older than glibc 2.28, or a path the C library cannot be given
        }

        var type = MemoryMarshal.Read<ushort>(buffer.AsSpan(ModeOffset)) & TypeMask;
        return type switch
        {
            RegularType => FileType.Regular,
            DirectoryType => FileType.Directory,
            _ => FileType.Special,
        };
    }

    [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int statx(int dirfd, string pathname, int flags, uint mask, byte[] statxbuf);
}
