using MathNet.Numerics.Distributions;
using ResumeSim.Model.Balancing;
using ResumeSim.Model.Configuration;
using ResumeSim.Model.Runs;

namespace ResumeSim.Model.Tests.Runs;

/// <summary>The model against what can be computed by hand (DESIGN.md section 7).</summary>
public sealed class ResumptionTheoryTests
{
    [Fact]
    public void OneServer_FifoTimeoutFromCreation_MatchesRenewalFormula()
    {
        // A session lives T from its full handshake; visits inside T resume, the first after T is
        // full again. A renewal cycle holds 1 + lambda*T visits of which lambda*T resume.
        const double visitsPerHour = 6;
        var timeout = TimeSpan.FromMinutes(5);
        var lambdaT = visitsPerHour / 3600.0 * timeout.TotalSeconds;
        var expected = lambdaT / (1 + lambdaT);

        var scenario = TestScenarios.OneServer(TestScenarios.Ids(timeout: timeout), clients: 2000, visitsPerHour: visitsPerHour,
            duration: TimeSpan.FromHours(2), warmup: TimeSpan.FromMinutes(30)) with { Replications = 6 };
        var rates = ExperimentRunner.Run([scenario]).Select(r => r.ResumptionRate).ToArray();

        var (mean, halfWidth) = MeanAndHalfWidth(rates);
        Assert.InRange(expected, mean - halfWidth, mean + halfWidth);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void RandomBalancer_PerServerSessionIds_ResumeAboutOneInN(int servers)
    {
        var scenario = Farm(servers, TestScenarios.Ids());
        var result = ExperimentRunner.RunOne(scenario, scenario.Strategies[0], 0);

        Assert.InRange(result.ResumptionRate, (1.0 / servers) - 0.03, (1.0 / servers) + 0.03);
        Assert.True(result.Misses.Single(m => m.Key == "other_server").Value > 0);
    }

    [Fact]
    public void FarmSharedTicketKeys_ResumptionDoesNotDependOnServerCount()
    {
        var two = Farm(2, TestScenarios.Tickets());
        var eight = Farm(8, TestScenarios.Tickets());

        var rateTwo = ExperimentRunner.RunOne(two, two.Strategies[0], 0).ResumptionRate;
        var rateEight = ExperimentRunner.RunOne(eight, eight.Strategies[0], 0).ResumptionRate;

        Assert.True(rateTwo > 0.9, $"shared keys should resume nearly every revisit, got {rateTwo}");
        Assert.InRange(rateEight - rateTwo, -0.01, 0.01);
    }

    [Fact]
    public void PerServerTicketKeys_ResumeAboutOneInN()
    {
        var scenario = Farm(4, TestScenarios.Tickets(KeyScope.PerServer));
        var result = ExperimentRunner.RunOne(scenario, scenario.Strategies[0], 0);

        Assert.InRange(result.ResumptionRate, 0.25 - 0.03, 0.25 + 0.03);
    }

    private static ScenarioConfig Farm(int servers, StrategyConfig strategy) =>
        TestScenarios.OneServer(strategy, clients: 2000, visitsPerHour: 30) with
        {
            Farm = new FarmConfig { Servers = servers, Cores = 2, Balancer = BalancerKind.Random },
        };

    private static (double Mean, double HalfWidth) MeanAndHalfWidth(double[] xs)
    {
        var mean = xs.Average();
        var sd = Math.Sqrt(xs.Sum(x => (x - mean) * (x - mean)) / (xs.Length - 1));
        var t = StudentT.InvCDF(0, 1, xs.Length - 1, 0.975);
        return (mean, t * sd / Math.Sqrt(xs.Length));
    }
}
