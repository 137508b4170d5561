using ResumeSim.Model.Runs;
using ResumeSim.Model.Steady;

namespace ResumeSim.Model.Tests.Steady;

/// <summary><c>warmup: auto</c> on a transient whose cause and length are known: the stale-session effect.</summary>
public sealed class AutoWarmupTests
{
    private static readonly TimeSpan Max = TimeSpan.FromHours(3);

    [Fact]
    public void Auto_CutsAfterTheStaleSessionTransient_AndMatchesAHandLongWarmup()
    {
        var auto = ExperimentRunner.Run([StaleSessionScenario.Auto(Max)], threads: 1);
        var longWarmup = ExperimentRunner.Run([StaleSessionScenario.Create(TimeSpan.FromHours(3))], threads: 1);
        var shortWarmup = ExperimentRunner.Run([StaleSessionScenario.Create(TimeSpan.FromMinutes(2))], threads: 1);

        // Visits come every 15 min: after 25 min a fifth of the clients have not yet come back once and
        // still hold no stale session, so a cut before that leaves most of the transient in.
        foreach (var run in auto)
        {
            var found = run.SteadyState.Auto!;
            Assert.False(found.TooShort, $"replication {run.Replication}: {string.Join(", ", found.Cuts)}");
            Assert.InRange(found.FoundSeconds, 25 * 60, 90 * 60);
            Assert.Equal(Math.Ceiling(2 * found.FoundSeconds), found.Warmup.TotalSeconds);
            Assert.Equal(SteadyVerdict.Reached, run.SteadyState.Verdict);
        }

        Assert.True(Samples.Agree(Rates(auto), Rates(longWarmup)), $"auto {Describe(auto)} vs 3 h warm-up {Describe(longWarmup)}");
        Assert.True(Samples.Agree(Rates(auto, offered: true), Rates(longWarmup, offered: true)));
        Assert.False(Samples.Agree(Rates(shortWarmup), Rates(longWarmup)), $"2 min warm-up {Describe(shortWarmup)} should differ from 3 h {Describe(longWarmup)}");
    }

    [Fact]
    public void Auto_GivesExactlyTheRunOfItsFoundWarmupWritten()
    {
        var scenario = StaleSessionScenario.Auto(Max, replications: 1);
        var auto = ExperimentRunner.RunOne(scenario, scenario.Strategies[0], 0);
        var written = scenario with { AutoWarmup = null, Warmup = auto.SteadyState.Warmup };
        var again = ExperimentRunner.RunOne(written, written.Strategies[0], 0);

        Assert.Equal(Fingerprint(again), Fingerprint(auto));
        Assert.Equal(auto.SteadyState.Warmup.TotalSeconds, Math.Round(auto.SteadyState.Warmup.TotalSeconds));
    }

    [Fact]
    public void Auto_IsDeterministic()
    {
        var scenario = StaleSessionScenario.Auto(Max, replications: 2);

        var one = ExperimentRunner.Run([scenario], threads: 1);
        var two = ExperimentRunner.Run([scenario], threads: 2);

        Assert.Equal(one.Select(Fingerprint), two.Select(Fingerprint));
        Assert.Equal(one.Select(r => r.SteadyState.Auto!.Cuts), two.Select(r => r.SteadyState.Auto!.Cuts), new CutsComparer());
    }

    [Fact]
    public void Auto_WithTooSmallALimit_SaysTheRunIsTooShort()
    {
        // A 40 min pilot: the resumption rate still falls in its second half.
        var scenario = StaleSessionScenario.Auto(TimeSpan.FromMinutes(40), replications: 1);

        var run = ExperimentRunner.RunOne(scenario, scenario.Strategies[0], 0);

        var found = run.SteadyState.Auto!;
        Assert.True(found.TooShort, string.Join(", ", found.Cuts));
        Assert.True(found.FoundSeconds > 20 * 60);
        Assert.Equal(TimeSpan.FromMinutes(40), run.SteadyState.Warmup);
        Assert.Equal(SteadyVerdict.TooShort, run.SteadyState.Verdict);
        Assert.Equal("too-short", run.SteadyState.Label);
    }

    [Fact]
    public void PilotOf_RunsMaxInAThousandBucketsWithoutFaults()
    {
        var scenario = StaleSessionScenario.Auto(TimeSpan.FromMinutes(50)) with
        {
            Faults = [new Configuration.FaultConfig(TimeSpan.FromMinutes(5), Configuration.FaultKind.Restart, 0)],
        };

        var pilot = WarmupFinder.PilotOf(scenario, scenario.AutoWarmup!);

        Assert.Equal(TimeSpan.FromMinutes(50), pilot.Duration);
        Assert.Equal(TimeSpan.Zero, pilot.Warmup);
        Assert.Empty(pilot.Faults);
        Assert.Null(pilot.AutoWarmup);
        Assert.Equal(TimeSpan.FromSeconds(3), pilot.Output.Bucket);
    }

    private static double[] Rates(IReadOnlyList<StrategyRunResult> runs, bool offered = false) =>
        runs.Select(r => offered ? r.ResumptionRateOffered : r.ResumptionRate).ToArray();

    private static string Describe(IReadOnlyList<StrategyRunResult> runs) => string.Join(", ", runs.Select(r => r.ResumptionRate.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)));

    private static string Fingerprint(StrategyRunResult r) =>
        $"{r.Strategy} {r.Replication} {r.Connections} {r.Offered} {r.Full} {r.ResumedById} {r.Handshake.PercentileMs(99):R} {r.Page.PercentileMs(50):R} " +
        $"{r.CpuCoreSeconds:R} {r.CpuUtilPeak:R} {r.StorePeakEntries} {r.Evictions} {r.Expirations} {string.Join(';', r.Series.Select(b => b.Resumed))}";

    private sealed class CutsComparer : IEqualityComparer<IReadOnlyList<MetricCut>>
    {
        public bool Equals(IReadOnlyList<MetricCut>? x, IReadOnlyList<MetricCut>? y) => x!.SequenceEqual(y!);

        public int GetHashCode(IReadOnlyList<MetricCut> obj) => obj.Count;
    }
}
