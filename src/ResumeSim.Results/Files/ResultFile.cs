using ResumeSim.LowLevel.Files;

namespace ResumeSim.Results.Files;

/// <summary>
/// Result folders come from other machines and other people: a file of a run folder is read only
/// when it is a regular file of a bounded size. A named pipe would block the reader forever and a
/// device such as <c>/dev/zero</c> never ends, so the type is looked up (<see cref="FileTypeProbe"/>)
/// before the file is opened.
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
        var kind = FileTypeProbe.Of(path);
        if (kind == FileType.Missing)
        {
            throw new ResultsFormatException(path, 0, null, "the file is missing.");
        }

        // Where the type cannot be read (not Linux), a special file reports no size and the reader's
        // own bound on what it parses still ends the read.
        if (kind is FileType.Directory or FileType.Special)
        {
            throw new ResultsFormatException(path, 0, null, $"is {Describe(kind)}, not a regular file; a run folder holds only regular files.");
        }

        var size = new FileInfo(path).Length;
        if (size > limit)
        {
            throw new ResultsFormatException(path, 0, null, $"is {size:N0} bytes, more than the {limit:N0} bytes a result file of this kind may have.");
        }
    }

    private static string Describe(FileType kind) =>
        kind == FileType.Directory ? "a folder" : "a named pipe, a device or a socket";
}
