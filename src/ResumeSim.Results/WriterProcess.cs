using System.Globalization;

namespace ResumeSim.Results;

/// <summary>
/// Who is writing a run: the process id, the process's start time in clock ticks since boot (the 22nd
/// field of <c>/proc/&lt;pid&gt;/stat</c>) and the boot's id (<c>/proc/sys/kernel/random/boot_id</c>).
/// Written into a run's lock file so that a later writer can tell a killed writer's leftovers from a
/// live writer's work. A process id alone is not enough: ids are reused, and a results folder on a
/// shared file system is written by processes of other machines, whose ids say nothing here.
/// </summary>
internal sealed record WriterProcess(int Pid, long StartTicks, string BootId)
{
    private const string BootIdFile = "/proc/sys/kernel/random/boot_id";

    /// <summary>This process, or null where the system does not expose start times and boot ids (not Linux).</summary>
    public static WriterProcess? Current()
    {
        var pid = Environment.ProcessId;
        return StartTicksOf(pid) is { } start && ReadBootId() is { } boot ? new WriterProcess(pid, start, boot) : null;
    }

    /// <summary>The lock file's one line: <c>pid start boot</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Pid} {StartTicks} {BootId}");

    /// <summary>Reads a lock file's line; null when it is not one (empty while its writer writes it, or damaged).</summary>
    public static WriterProcess? Parse(string text)
    {
        var parts = text.Trim().Split(' ');
        return parts.Length == 3
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            && parts[2].Length > 0
                ? new WriterProcess(pid, start, parts[2])
                : null;
    }

    /// <summary>
    /// True only when this writer certainly no longer runs: it ran on this machine since its last boot,
    /// and no process with its id runs now, or the one that does started at another time (a reused id).
    /// A writer of another machine, or of an earlier boot of a machine that shares the folder, is never
    /// provably gone from here.
    /// </summary>
    public bool IsProvablyGone()
    {
        if (ReadBootId() is not { } boot || boot != BootId)
        {
            return false;
        }

        // With /proc mounted hidepid, other users' processes are invisible, so a missing entry proves
        // nothing; process 1 always runs, so its absence shows that.
        if (StartTicksOf(1) is null)
        {
            return false;
        }

        return StartTicksOf(Pid) != StartTicks;
    }

    private static string? ReadBootId()
    {
        try
        {
            return File.Exists(BootIdFile) ? File.ReadAllText(BootIdFile).Trim() : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long? StartTicksOf(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null; // no such process (or no /proc)
        }

        // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so fields are counted from
        // the last ')'; starttime is field 22, the 20th after it.
        var fields = text[(text.LastIndexOf(')') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length > 19 && long.TryParse(fields[19], NumberStyles.None, CultureInfo.InvariantCulture, out var start) ? start : null;
    }
}
