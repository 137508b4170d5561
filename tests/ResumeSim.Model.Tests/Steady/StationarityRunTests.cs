using ResumeSim.Model.Runs;
using ResumeSim.Model.Steady;

namespace ResumeSim.Model.Tests.Steady;

/// <summary>The drift check on whole runs: a written warm-up that stops inside the stale-session transient, and one long past it.</summary>
public sealed class StationarityRunTests
{
    [Fact]
    public void WrittenWarmupInsideTheTransient_IsCaughtDrifting_OnTheResumptionRate()
    {
        var runs = ExperimentRunner.Run([StaleSessionScenario.Create(TimeSpan.FromMinutes(2), replications: 2)], threads: 1);

        foreach (var run in runs)
        {
            var drift = run.SteadyState.Window.Drifts.Single(d => d.Metric == SteadyMetric.ResumptionRate);
            Assert.True(drift.Last < drift.First - 0.05, $"resumption {drift.First} -> {drift.Last}");
            Assert.Equal(SteadyVerdict.Drifting, run.SteadyState.Verdict);
            Assert.StartsWith("drifting:resumption_rate", run.SteadyState.Label, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void WrittenWarmupPastTheTransient_IsStationary()
    {
        var runs = ExperimentRunner.Run([StaleSessionScenario.Create(TimeSpan.FromHours(3), replications: 2)], threads: 1);

        Assert.All(runs, run =>
        {
            Assert.True(run.SteadyState.Window.Checked);
            Assert.Empty(run.SteadyState.Window.Drifts);
            Assert.Equal("reached", run.SteadyState.Label);
        });
    }

    [Fact]
    public void BucketsBeforeFirstFault_StopsTheCheckAtTheFirstFault()
    {
        var scenario = StaleSessionScenario.Create(TimeSpan.FromHours(1)) with
        {
            Faults = [new Configuration.FaultConfig(TimeSpan.FromMinutes(20), Configuration.FaultKind.Restart, 0), new Configuration.FaultConfig(TimeSpan.FromMinutes(12.5), Configuration.FaultKind.FlushStore, -1)],
        };

        Assert.Equal(12, SteadyStateRunner.BucketsBeforeFirstFault(scenario));
        Assert.Equal(30, SteadyStateRunner.BucketsBeforeFirstFault(scenario with { Faults = [] }));
    }
}
