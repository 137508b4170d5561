namespace ResumeSim.Model.World;

/// <summary>Running totals at the end of the warm-up, subtracted from the totals at the end.</summary>
internal readonly record struct WarmupSnapshot(long Evictions, long Expirations)
{
    public static WarmupSnapshot Take(ResumptionSetup setup)
    {
        long evictions = 0;
        long expirations = 0;
        foreach (var store in setup.Stores)
        {
            evictions += store.Counters.EvictedForCapacity;
            expirations += store.Counters.Expired;
        }

        return new WarmupSnapshot(evictions, expirations);
    }
}
