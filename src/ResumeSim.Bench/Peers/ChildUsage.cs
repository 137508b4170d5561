namespace ResumeSim.Bench.Peers;

/// <summary>What one child process cost, end to end: its whole life, start-up and exit included.</summary>
/// <param name="ExitCode">The exit code, or 128 + the signal that ended it.</param>
/// <param name="WallSeconds">From spawning it to reaping it.</param>
/// <param name="UserSeconds">Its user CPU time (and that of children it waited for), from its rusage.</param>
/// <param name="SystemSeconds">Its system CPU time, likewise.</param>
/// <param name="PeakRssBytes">Its peak resident set (<c>ru_maxrss</c>).</param>
/// <param name="PeakRssFloorBytes">
/// The spawning process's resident set when it spawned the child. The kernel folds the memory a process
/// had before its exec into its <c>ru_maxrss</c>, and before the exec the child is this process, so a
/// peak at or below this floor only says that the child's own peak was no higher.
/// </param>
public sealed record ChildUsage(int ExitCode, double WallSeconds, double UserSeconds, double SystemSeconds, long PeakRssBytes, long PeakRssFloorBytes)
{
    public double CpuSeconds => UserSeconds + SystemSeconds;

    /// <summary>Whether <see cref="PeakRssBytes"/> is the child's own peak, not the floor.</summary>
    public bool PeakRssKnown => PeakRssBytes > PeakRssFloorBytes * 1.02;

    /// <summary>The peak in MB, or <c>&lt;= floor</c> when only the floor is known.</summary>
    public string PeakRssText => PeakRssKnown
        ? (PeakRssBytes / 1e6).ToString("F0", System.Globalization.CultureInfo.InvariantCulture) + " MB"
        : "<= " + (PeakRssBytes / 1e6).ToString("F0", System.Globalization.CultureInfo.InvariantCulture) + " MB";
}
