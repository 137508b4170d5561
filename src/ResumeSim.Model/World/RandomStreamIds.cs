namespace ResumeSim.Model.World;

/// <summary>Stream numbers for <see cref="CounterRandom"/>; a new stream never shifts an old one.</summary>
internal static class RandomStreamIds
{
    public const ulong VisitGap = 1;
    public const ulong Balancer = 2;
    public const ulong CacheRing = 3;
    public const ulong Worker = 4;

    // Visit processes: numbered apart from the farm's streams so parallel additions never collide.
    public const ulong DiurnalThinning = 50;
    public const ulong Churn = 51;
    public const ulong Mobile = 52;
    public const ulong NetworkChange = 53;

    // Exponential service times (costs: {exponential: T}), for the M/M/c validation case.
    public const ulong ServiceTime = 60;

    // start: stationary, the age of each client's last full handshake (two uniforms per client).
    public const ulong StationaryStart = 70;
}
