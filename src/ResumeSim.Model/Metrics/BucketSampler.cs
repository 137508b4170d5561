using ResumeSim.Model.Balancing;
using ResumeSim.Model.Servers;

namespace ResumeSim.Model.Metrics;

/// <summary>
/// Samples the farm's state into the time series at each bucket end (store occupancy, queues, live
/// servers, shared-cache and stick-table activity since the last sample), from the warm-up's end on.
/// </summary>
internal sealed class BucketSampler(MetricsRecorder metrics, ResumptionSetup setup, Farm farm, Balancer balancer)
{
    private FarmCounters _sampled;

    /// <summary>The stores' eviction and expiry counts when warm-up ended, subtracted from the run's.</summary>
    public WarmupSnapshot AtWarmupEnd { get; private set; }

    /// <summary>Warm-up ends: counts from here on are measured.</summary>
    public void OnWarmupEnd()
    {
        AtWarmupEnd = WarmupSnapshot.Take(setup);
        foreach (var store in setup.Stores)
        {
            store.Counters.StartExposureWindow();
        }

        _sampled = FarmCounters.Of(setup.SharedTier, balancer);
    }

    /// <summary>Bucket <paramref name="bucket"/> ends at <paramref name="now"/>.</summary>
    public void Sample(int bucket, long now)
    {
        long entries = 0;
        long bytes = 0;
        long liveEntries = 0;
        long liveBytes = 0;
        foreach (var store in setup.Stores)
        {
            entries += store.Count;
            bytes += store.Bytes;
            var live = store.Live(now);
            liveEntries += live.Entries;
            liveBytes += live.Bytes;
        }

        var series = metrics.Series;
        series.StoreEntries[bucket] = entries;
        series.StoreBytes[bucket] = bytes;
        series.StoreLiveEntries[bucket] = liveEntries;
        series.StoreLiveBytes[bucket] = liveBytes;
        for (var s = 0; s < farm.Created; s++)
        {
            series.QueueLengthMax[bucket] = Math.Max(series.QueueLengthMax[bucket], farm[s].QueueLength);
        }

        var counters = FarmCounters.Of(setup.SharedTier, balancer);
        series.ServersUp[bucket] = farm.Live.Count;
        series.CacheLookups[bucket] = counters.Lookups - _sampled.Lookups;
        series.CachePuts[bucket] = counters.Puts - _sampled.Puts;
        series.CacheFailed[bucket] = counters.Failed - _sampled.Failed;
        series.CacheDelay[bucket] = counters.Delay - _sampled.Delay;
        series.StickEvictions[bucket] = counters.StickEvictions - _sampled.StickEvictions;
        _sampled = counters;
    }
}
