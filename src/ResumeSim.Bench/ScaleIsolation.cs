namespace ResumeSim.Bench;

/// <summary>Where the scale benchmark runs each strategy (<c>bench scale --isolate</c>).</summary>
public enum ScaleIsolation
{
    /// <summary>
    /// Everything in this process: serial runs one after the other, the parallel phase one thread per
    /// strategy. This is what <c>resumesim run</c> does, so the worlds share one GC heap.
    /// </summary>
    Thread,

    /// <summary>
    /// Every strategy in a fresh child process, in the serial phase one after the other and in the
    /// parallel phase all at once: each world has its own GC heap and its own peak RSS.
    /// </summary>
    Process,

    /// <summary>
    /// The serial phase in child processes; the parallel phase twice, on threads in this process and
    /// in child processes, so both speed-ups are measured against the same baseline.
    /// </summary>
    Both,
}
