using System.Globalization;

namespace ResumeSim.Cli.Calibration;

/// <summary>
/// CPU time as the Linux kernel accounts it: the first field of <c>/proc/&lt;pid&gt;/schedstat</c>
/// (and of <c>/proc/&lt;pid&gt;/task/&lt;tid&gt;/schedstat</c> for one thread) is the scheduler's
/// <c>sum_exec_runtime</c>, nanoseconds on a CPU, user and system time together. Reading it costs the
/// reader, not the process read, so the measured server pays nothing for being measured.
/// </summary>
internal static class KernelCpu
{
    /// <summary>Whether this machine has the files (Linux).</summary>
    public static bool IsAvailable => File.Exists("/proc/self/schedstat") && File.Exists("/proc/loadavg");

    /// <summary>The schedstat file of a process (all its threads).</summary>
    public static string ProcessSchedstat(int pid) => $"/proc/{pid}/schedstat";

    /// <summary>The schedstat file of the calling thread (<c>/proc/thread-self</c> links to <c>PID/task/TID</c>).</summary>
    public static string CurrentThreadSchedstat()
    {
        var target = new FileInfo("/proc/thread-self").LinkTarget
            ?? throw new InvalidOperationException("/proc/thread-self is not a link; this needs Linux");
        return Path.Combine("/proc", target, "schedstat");
    }

    /// <summary>Nanoseconds the process or thread of <paramref name="schedstatPath"/> has run so far.</summary>
    public static long Nanoseconds(string schedstatPath)
    {
        var text = File.ReadAllText(schedstatPath);
        var end = text.IndexOf(' ', StringComparison.Ordinal);
        return long.Parse(end < 0 ? text : text[..end], NumberStyles.None, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The processor's model name from <c>/proc/cpuinfo</c> (for example <c>AMD EPYC 7763 64-Core Processor</c>),
    /// or null where the file has none (some ARM kernels, other systems).
    /// </summary>
    public static string? CpuModel()
    {
        if (!File.Exists("/proc/cpuinfo"))
        {
            return null;
        }

        foreach (var line in File.ReadLines("/proc/cpuinfo"))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line[..colon].Trim() == "model name")
            {
                return line[(colon + 1)..].Trim();
            }
        }

        return null;
    }

    /// <summary>The one-minute load average (runnable and uninterruptible tasks, <c>/proc/loadavg</c>).</summary>
    public static double LoadAverage()
    {
        var text = File.ReadAllText("/proc/loadavg");
        return double.Parse(text[..text.IndexOf(' ', StringComparison.Ordinal)], NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
