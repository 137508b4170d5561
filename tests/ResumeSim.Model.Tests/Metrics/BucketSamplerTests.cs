using ResumeSim.Model.Balancing;
using ResumeSim.Model.Metrics;
using ResumeSim.Model.Tests.Servers;
using ResumeSim.Tls;

namespace ResumeSim.Model.Tests.Metrics;

/// <summary>What a bucket end samples from the farm into the time series.</summary>
public sealed class BucketSamplerTests
{
    private const long Second = 1_000_000_000;

    [Fact]
    public void Sample_StoreOccupancyQueuesAndLiveServers()
    {
        var strategy = TestScenarios.Ids();
        var scenario = FarmParts.Servers(strategy, 2);
        var farm = FarmParts.Farm(scenario, strategy, 2, out var setup);
        var metrics = new MetricsRecorder(0, 10 * Second, Second, 2);
        var sampler = new BucketSampler(metrics, setup, farm, Balancer.Create(scenario.Farm, farm.Nodes, FarmParts.Seed));
        var tls = farm[1].Resumption.For(0);
        tls.Store.Put(SessionId.FromBytes(Enumerable.Repeat((byte)1, 32).ToArray()), tls.PastSession12(new byte[SessionState.MasterSecretLength], 0), 0);
        farm[0].Enqueue(7);
        farm[0].Enqueue(8);
        farm.SetLive(1, false);

        sampler.OnWarmupEnd();
        sampler.Sample(bucket: 3, now: 3 * Second);

        Assert.Equal(1, metrics.Series.StoreEntries[3]);
        Assert.Equal(setup.Stores.Sum(s => s.Bytes), metrics.Series.StoreBytes[3]);
        Assert.Equal(2, metrics.Series.QueueLengthMax[3]);
        Assert.Equal(1, metrics.Series.ServersUp[3]);
        Assert.Equal(0, metrics.Series.StoreEntries[2]);
    }

    [Fact]
    public void Sample_SharedCacheOperations_AreCountedSinceTheLastSample()
    {
        var strategy = TestScenarios.Ids(scope: Configuration.StoreScope.Shared);
        var scenario = FarmParts.Servers(strategy, 1);
        var farm = FarmParts.Farm(scenario, strategy, 1, out var setup);
        var metrics = new MetricsRecorder(0, 10 * Second, Second, 1);
        var sampler = new BucketSampler(metrics, setup, farm, Balancer.Create(scenario.Farm, farm.Nodes, FarmParts.Seed));
        var tier = setup.SharedTier!;
        var id = SessionId.FromBytes(Enumerable.Repeat((byte)2, 32).ToArray());
        tier.TryGet(id, 0, out _); // during warm-up: not counted

        sampler.OnWarmupEnd();
        tier.TryGet(id, Second, out _);
        tier.TryGet(id, Second, out _);
        sampler.Sample(0, Second);
        tier.TryGet(id, 2 * Second, out _);
        sampler.Sample(1, 2 * Second);

        Assert.Equal(2, metrics.Series.CacheLookups[0]);
        Assert.Equal(1, metrics.Series.CacheLookups[1]);
    }
}
