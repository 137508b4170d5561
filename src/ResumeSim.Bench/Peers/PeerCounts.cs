namespace ResumeSim.Bench.Peers;

/// <summary>What a simulator counted in one run: connections, resumed ones, and server CPU charged (core-seconds).</summary>
public sealed record PeerCounts(long Connections, long Resumed, double CpuCoreSeconds)
{
    public double ResumptionRate => (double)Resumed / Connections;

    public double CpuMicrosPerConnection => CpuCoreSeconds * 1e6 / Connections;
}
