using ResumeSim.Model.Capacity;
using ResumeSim.Model.Configuration;
using ResumeSim.Model.Runs;

namespace ResumeSim.Model.Tests.Capacity;

public sealed class CoresNeededTests
{
    [Fact]
    public void ErlangC_OneServer_IsTheUtilization() =>
        Assert.Equal(0.7, CoresNeeded.ErlangC(1, 0.7), 12);

    [Fact]
    public void ErlangC_MatchesATableValue()
    {
        // c = 3, a = 2.4 Erlangs (rho = 0.8): C = 0.6472 (Erlang C tables).
        Assert.Equal(0.6472, CoresNeeded.ErlangC(3, 2.4), 4);
    }

    [Fact]
    public void WaitPercentile_MM1_IsTheExponentialTail()
    {
        // M/M/1, lambda 700/s, mean service 1 ms: P(W > t) = rho e^{-(mu - lambda) t}.
        var expected = Math.Log(0.7 / 0.01) / (1000 - 700);

        Assert.Equal(expected, CoresNeeded.WaitPercentile(1, 700, 0.001, serviceScv: 1, 0.99), 12);
    }

    [Fact]
    public void WaitPercentile_DeterministicService_IsHalfTheExponentialOne() =>
        Assert.Equal(
            CoresNeeded.WaitPercentile(2, 1500, 0.001, 1, 0.99) / 2,
            CoresNeeded.WaitPercentile(2, 1500, 0.001, 0, 0.99),
            12);

    [Fact]
    public void ForWaitP99_TighterTargetsNeedMoreCores()
    {
        var loose = CoresNeeded.ForWaitP99(7000, 0.001, 0, targetSeconds: 0.010);
        var tight = CoresNeeded.ForWaitP99(7000, 0.001, 0, targetSeconds: 0.0001);

        Assert.True(loose >= 8, $"7 Erlangs need at least 8 cores, got {loose}");
        Assert.True(tight > loose, $"{tight} should exceed {loose}");
        Assert.True(CoresNeeded.WaitPercentile(tight, 7000, 0.001, 0, 0.99) <= 0.0001);
        Assert.True(CoresNeeded.WaitPercentile(tight - 1, 7000, 0.001, 0, 0.99) > 0.0001);
    }

    [Fact]
    public void ForUtilization_RoundsUp() =>
        Assert.Equal(4, CoresNeeded.ForUtilization(2.26, 0.75));

    [Fact]
    public void Run_WithAQueueWaitTarget_NeedsAtLeastTheUtilizationCores()
    {
        var strategy = TestScenarios.Off();
        var scenario = TestScenarios.OneServer(strategy, clients: 3000, visitsPerHour: 360) with
        {
            Costs = CostProfile.Fixed(1000),
            Farm = new FarmConfig { Servers = 1, Cores = 4 },
            Output = new OutputConfig { Bucket = TimeSpan.FromMinutes(1), TargetUtilization = 0.9 },
        };
        var withWait = scenario with { Output = scenario.Output with { TargetQueueWaitP99 = TimeSpan.FromMicroseconds(50) } };

        var utilizationOnly = ExperimentRunner.RunOne(scenario, strategy, 0).CoresNeeded;
        var both = ExperimentRunner.RunOne(withWait, strategy, 0).CoresNeeded;

        // 300 handshakes/s x 1 ms = 0.3 cores: 1 core at 90%; a 50 us p99 wait needs more.
        Assert.Equal(1, utilizationOnly);
        Assert.True(both > utilizationOnly, $"wait target gave {both}");
    }
}
