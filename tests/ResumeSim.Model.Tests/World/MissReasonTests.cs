using ResumeSim.Model.Configuration;
using ResumeSim.Model.Runs;
using ResumeSim.Tls;

namespace ResumeSim.Model.Tests.World;

public sealed class MissReasonTests
{
    [Theory]
    [InlineData(StoreEviction.Lru)]
    [InlineData(StoreEviction.Fifo)]
    public void BigStoreWithShortTimeout_MissesAreExpiries_NotEvictions(StoreEviction eviction)
    {
        var strategy = TestScenarios.Ids(capacity: 1_000_000, timeout: TimeSpan.FromMinutes(5), eviction: eviction, scope: StoreScope.Shared);
        var scenario = TestScenarios.OneServer(strategy, clients: 1500, visitsPerHour: 6);

        var result = ExperimentRunner.RunOne(scenario, strategy, 0);

        Assert.True(result.Misses.Single(m => m.Key == "session_expired").Value > 100);
        Assert.DoesNotContain(result.Misses, m => m.Key == "evicted");
    }

    [Fact]
    public void SmallStore_MissesAreEvictions()
    {
        var strategy = TestScenarios.Ids(capacity: 100, timeout: TimeSpan.FromHours(1));
        var scenario = TestScenarios.OneServer(strategy, clients: 1500, visitsPerHour: 6);

        var result = ExperimentRunner.RunOne(scenario, strategy, 0);

        Assert.True(result.Misses.Single(m => m.Key == "evicted").Value > 100);
    }
}
