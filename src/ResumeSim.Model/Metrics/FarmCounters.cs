using ResumeSim.Model.Balancing;
using ResumeSim.Model.Servers;

namespace ResumeSim.Model.Metrics;

/// <summary>Running totals of the farm's shared parts, sampled at bucket ends to make per-bucket counts.</summary>
internal readonly record struct FarmCounters(long Lookups, long Puts, long Failed, long Delay, long StickEvictions)
{
    public static FarmCounters Of(SharedCacheTier? tier, Balancer balancer) => new(
        tier?.Lookups ?? 0,
        tier?.Puts ?? 0,
        tier?.Failed ?? 0,
        tier?.DelayTotal ?? 0,
        balancer is SessionStickyBalancer sticky ? sticky.Evictions : 0);
}
