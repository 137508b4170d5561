using System.Runtime.InteropServices;

namespace ResumeSim.Results.Files;

/// <summary>
/// Result folders come from other machines and other people: a file of a run folder is read only
/// when it is a regular file of a bounded size. A named pipe would block the reader forever and a
/// device such as <c>/dev/zero</c> never ends, so the type is looked up before the file is opened.
/// </summary>
internal static class ResultFile
{
    /// <summary>run.json is a few hundred bytes; a megabyte is already no manifest.</summary>
    public const long ManifestLimit = 1L << 20;

    /// <summary>The scenario copy: the same bound the scenario loader puts on scenario files.</summary>
    public const long ScenarioLimit = 1L << 20;

    /// <summary>
    /// A CSV of a run. The largest a shipped scenario writes is a few megabytes (timeseries.csv of
    /// capacity-planning); 2 GiB is far above any run that fits this machine's memory.
    /// </summary>
    public const long TableLimit = 2L << 30;

    /// <summary>Throws unless <paramref name="path"/> is a regular file (after links) of at most <paramref name="limit"/> bytes.</summary>
    /// <exception cref="ResultsFormatException">Missing, not a regular file, or too large.</exception>
    public static void EnsureReadable(string path, long limit)
    {
        var (kind, size) = Stat(path);
        if (kind == Kind.Missing)
        {
            throw new ResultsFormatException(path, 0, null, "the file is missing.");
        }

        if (kind != Kind.Regular)
        {
            throw new ResultsFormatException(path, 0, null, $"is {Describe(kind)}, not a regular file; a run folder holds only regular files.");
        }

        if (size > limit)
        {
            throw new ResultsFormatException(path, 0, null, $"is {size:N0} bytes, more than the {limit:N0} bytes a result file of this kind may have.");
        }
    }

    private static string Describe(Kind kind) => kind switch
    {
        Kind.Directory => "a folder",
        Kind.Fifo => "a named pipe",
        Kind.CharacterDevice or Kind.BlockDevice => "a device",
        Kind.Socket => "a socket",
        _ => "not a file",
    };

    private enum Kind
    {
        Missing,
        Regular,
        Directory,
        Fifo,
        CharacterDevice,
        BlockDevice,
        Socket,
        Other,
    }

    private static (Kind Kind, long Size) Stat(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            // Elsewhere the .NET view is all there is: a directory or a file.
            return Directory.Exists(path) ? (Kind.Directory, 0)
                : File.Exists(path) ? (Kind.Regular, new FileInfo(path).Length)
                : (Kind.Missing, 0);
        }

        // statx's struct has one layout on every Linux architecture: stx_mode at byte 28, stx_size at 40.
        var buffer = new byte[256];
        if (statx(AtCurrentDirectory, path, 0, StatxType | StatxSize, buffer) != 0)
        {
            return (Kind.Missing, 0);
        }

        var mode = BitConverter.ToUInt16(buffer, 28) & 0xF000;
        var size = BitConverter.ToInt64(buffer, 40);
        var kind = mode switch
        {
            0x8000 => Kind.Regular,
            0x4000 => Kind.Directory,
            0x1000 => Kind.Fifo,
            0x2000 => Kind.CharacterDevice,
            0x6000 => Kind.BlockDevice,
            0xC000 => Kind.Socket,
            _ => Kind.Other,
        };
        return (kind, size);
    }

    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 0x1;
    private const uint StatxSize = 0x200;

    [DllImport("libc", SetLastError = true)]
#pragma warning disable SYSLIB1054 // a byte[] buffer needs no marshalling code, and LibraryImport would need unsafe blocks
    private static extern int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string pathname, int flags, uint mask, byte[] buffer);
#pragma warning restore SYSLIB1054
}
