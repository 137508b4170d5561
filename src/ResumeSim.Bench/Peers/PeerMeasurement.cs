namespace ResumeSim.Bench.Peers;

/// <summary>One simulator's run of one strategy at one size: what it counted and what its process cost (the median run when repeated).</summary>
public sealed record PeerMeasurement(long TargetConnections, string Strategy, string Simulator, PeerCounts Counts, ChildUsage Usage, int Runs)
{
    /// <summary>Simulated connections per second of the process's CPU time, start-up included.</summary>
    public double ConnectionsPerCpuSecond => Counts.Connections / Usage.CpuSeconds;
}
