using System.Collections;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ResumeSim.Bench.Peers;

/// <summary>
/// Runs a program as a child process and reads what it cost from the kernel: <c>posix_spawnp</c>, then
/// <c>wait4</c>, whose rusage holds the child's own CPU time and peak RSS. <see cref="Process"/> cannot
/// give these: it reaps the child itself and the figures go with it. The child's standard output and
/// error go to files, so no pipe reader runs in this process while it is measured. Linux only (the
/// struct layouts below are glibc's on 64-bit Linux).
/// <para>
/// The kernel folds what a process held before its exec into its peak RSS, and before its exec the
/// child is this process (tens of MB). So where GNU time is installed (Debian's <c>time</c>), the child
/// runs under <c>/usr/bin/time -f %M</c>, which starts it from its own small process and reports that
/// child's peak alone; the CPU and wall time still come from this process's <c>wait4</c> and so include
/// GNU time's own start (about a millisecond). Without it the peak is known only above that floor
/// (<see cref="ChildUsage.PeakRssKnown"/>).
/// </para>
/// </summary>
public static class ChildProcess
{
    // <fcntl.h> on Linux
    private const int OpenWriteOnly = 0x1;
    private const int OpenCreate = 0x40;
    private const int OpenTruncate = 0x200;
    private const int Interrupted = 4; // EINTR

    // glibc's posix_spawn_file_actions_t is 80 bytes on 64-bit Linux; struct rusage is 144.
    private const int FileActionsBytes = 256;
    private const int RusageBytes = 144;

    private const string GnuTime = "/usr/bin/time";

    /// <summary>Runs <paramref name="fileName"/> (looked up on PATH) to its end and returns what it cost.</summary>
    /// <exception cref="PlatformNotSupportedException">Not Linux.</exception>
    /// <exception cref="InvalidOperationException">It could not be started; the message says why.</exception>
    public static ChildUsage Run(string fileName, IReadOnlyList<string> arguments, string standardOutputPath, string standardErrorPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        ArgumentNullException.ThrowIfNull(arguments);
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("measuring a child process's CPU and peak memory needs Linux (posix_spawn and wait4)");
        }

        var strings = new List<IntPtr>();
        IntPtr Native(string s)
        {
            var p = Marshal.StringToCoTaskMemUTF8(s);
            strings.Add(p);
            return p;
        }

        var peakFile = standardErrorPath + ".peak-rss";
        IReadOnlyList<string> command = File.Exists(GnuTime)
            ? [GnuTime, "-f", "%M", "-o", peakFile, fileName, .. arguments]
            : [fileName, .. arguments];
        var argv = new IntPtr[command.Count + 1];
        for (var i = 0; i < command.Count; i++)
        {
            argv[i] = Native(command[i]);
        }

        var variables = Environment.GetEnvironmentVariables();
        var envp = new IntPtr[variables.Count + 1];
        var n = 0;
        foreach (DictionaryEntry v in variables)
        {
            envp[n++] = Native($"{v.Key}={v.Value}");
        }

        var actions = Marshal.AllocHGlobal(FileActionsBytes);
        var usage = Marshal.AllocHGlobal(RusageBytes);
        try
        {
            Check(posix_spawn_file_actions_init(actions), "posix_spawn_file_actions_init");
            Check(posix_spawn_file_actions_addopen(actions, 1, Native(standardOutputPath), OpenWriteOnly | OpenCreate | OpenTruncate, 0x1A4), "redirecting standard output");
            Check(posix_spawn_file_actions_addopen(actions, 2, Native(standardErrorPath), OpenWriteOnly | OpenCreate | OpenTruncate, 0x1A4), "redirecting standard error");
            var floor = ResetOwnPeakRss();
            var clock = Stopwatch.StartNew();
            var error = posix_spawnp(out var pid, argv[0], actions, IntPtr.Zero, argv, envp);
            if (error != 0)
            {
                throw new InvalidOperationException($"'{fileName}' could not be started: {Marshal.GetPInvokeErrorMessage(error)}");
            }

            int status;
            while (wait4(pid, out status, 0, usage) < 0)
            {
                if (Marshal.GetLastPInvokeError() != Interrupted)
                {
                    throw new InvalidOperationException($"waiting for '{fileName}' (pid {pid}) failed: {Marshal.GetLastPInvokeErrorMessage()}");
                }
            }

            var wall = clock.Elapsed.TotalSeconds;
            var exitCode = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F);
            static double Seconds(IntPtr timeval) => Marshal.ReadInt64(timeval) + (Marshal.ReadInt64(timeval, 8) / 1e6);
            var peak = Marshal.ReadInt64(usage, 32) * 1024;
            if (command[0] == GnuTime)
            {
                // GNU time's last line is %M, the child's own peak in KiB (a failed child has a line before it).
                var lines = File.Exists(peakFile) ? File.ReadAllLines(peakFile) : [];
                if (lines.Length > 0 && long.TryParse(lines[^1].Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var kib))
                {
                    peak = kib * 1024;
                    floor = 0;
                }
            }

            return new ChildUsage(exitCode, wall, Seconds(usage), Seconds(usage + 16), peak, floor);
        }
        finally
        {
            _ = posix_spawn_file_actions_destroy(actions);
            Marshal.FreeHGlobal(actions);
            Marshal.FreeHGlobal(usage);
            strings.ForEach(Marshal.FreeCoTaskMem);
        }
    }

    /// <summary>
    /// Resets this process's peak RSS to its current RSS (Linux: 5 to /proc/self/clear_refs) and returns it:
    /// the child's rusage will hold at least this much, whatever the child itself uses.
    /// </summary>
    private static long ResetOwnPeakRss()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                // "VmHWM:    123456 kB"
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal)
                    && long.TryParse(line["VmHWM:".Length..].Trim().Split(' ')[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var kb))
                {
                    return kb * 1024;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // not allowed: the floor is then unknown
        }

        return 0;
    }

    private static void Check(int error, string what)
    {
        if (error != 0)
        {
            throw new InvalidOperationException($"{what} failed: {Marshal.GetPInvokeErrorMessage(error)}");
        }
    }

    [DllImport("libc")]
    private static extern int posix_spawn_file_actions_init(IntPtr actions);

    [DllImport("libc")]
    private static extern int posix_spawn_file_actions_addopen(IntPtr actions, int fd, IntPtr path, int flags, uint mode);

    [DllImport("libc")]
    private static extern int posix_spawn_file_actions_destroy(IntPtr actions);

    [DllImport("libc")]
    private static extern int posix_spawnp(out int pid, IntPtr file, IntPtr actions, IntPtr attributes, IntPtr[] argv, IntPtr[] envp);

    [DllImport("libc", SetLastError = true)]
    private static extern int wait4(int pid, out int status, int options, IntPtr usage);
}
