namespace ResumeSim.Model.World;

/// <summary>Stream numbers for <see cref="CounterRandom"/>; a new stream never shifts an old one.</summary>
internal static class RandomStreamIds
{
    public const ulong VisitGap = 1;
    public const ulong Balancer = 2;
    public const ulong CacheRing = 3;
}
