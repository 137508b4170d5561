using ResumeSim.Model.Servers;

namespace ResumeSim.Model.Metrics;

/// <summary>Running totals at the end of the warm-up, subtracted from the totals at the end.</summary>
internal readonly record struct WarmupSnapshot(long Evictions, long Expirations, long Puts)
{
    public static WarmupSnapshot Take(ResumptionSetup setup)
    {
        long evictions = 0;
        long expirations = 0;
        long puts = 0;
        foreach (var store in setup.Stores)
        {
            evictions += store.Counters.EvictedForCapacity;
            expirations += store.Counters.Expired;
            puts += store.Counters.Puts;
        }

        return new WarmupSnapshot(evictions, expirations, puts);
    }
}
