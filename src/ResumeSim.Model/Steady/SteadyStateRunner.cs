using ResumeSim.Engine;
using ResumeSim.Model.Configuration;
using ResumeSim.Model.Runs;
using ResumeSim.Model.World;

namespace ResumeSim.Model.Steady;

/// <summary>
/// Runs one strategy of one replication with its warm-up: with <c>warmup: auto</c> a pilot first, whose
/// MSER-5 truncation point, doubled, becomes the warm-up (<see cref="WarmupFinder"/>), then the scenario itself;
/// the measured window is checked for drift either way (<see cref="StationarityCheck"/>). The run after the
/// pilot is exactly the run of the same scenario with that warm-up written, so its tables are too, and the
/// found warm-up can be pasted into the file to skip the pilot.
/// </summary>
public static class SteadyStateRunner
{
    /// <summary>Simulations one run takes: 2 with a pilot, 1 without.</summary>
    public static int Passes(ScenarioConfig scenario) => scenario.AutoWarmup is null ? 1 : 2;

    /// <param name="onSlice">Called after each of <paramref name="slices"/> slices of each pass.</param>
    public static StrategyRunResult Run(ScenarioConfig scenario, StrategyConfig strategy, int replication, int sweepPoint, Action? onSlice = null, int slices = 1)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        WarmupDecision? decision = null;
        var measured = scenario;
        if (scenario.AutoWarmup is { } auto)
        {
            var pilotScenario = WarmupFinder.PilotOf(scenario, auto);
            var pilot = new ResumptionWorld(pilotScenario, strategy, replication).Run(replication, sweepPoint, onSlice, slices);
            decision = WarmupFinder.Find(pilot.Series, SimTime.FromTimeSpan(pilotScenario.Output.Bucket), auto);
            measured = scenario with { Warmup = decision.Warmup, AutoWarmup = null };
        }

        var result = new ResumptionWorld(measured, strategy, replication).Run(replication, sweepPoint, onSlice, slices);
        result.SteadyState = new SteadyStateReport(measured.Warmup, decision, StationarityCheck.Check(result.Series, BucketsBeforeFirstFault(measured)))
        {
            Start = StartOf(scenario, strategy, result),
        };
        return result;
    }

    private static StartReport StartOf(ScenarioConfig scenario, StrategyConfig strategy, StrategyRunResult result)
    {
        if (scenario.Start != StartState.Stationary)
        {
            return StartReport.Empty;
        }

        if (!result.StartedStationary)
        {
            return new StartReport(false, StationaryStart.Unsupported(scenario, strategy));
        }

        // The draw takes every client on its own; a store full of valid sessions ties them together.
        return new StartReport(true, result.LiveSessionsDropped > 0
            ? $"its stores dropped {result.LiveSessionsDropped} valid sessions for room, so a client's outcome also depends on the others' and the drawn start is not exact: the warm-up has to cover the difference"
            : null);
    }

    /// <summary>
    /// Measured buckets that end before the first fault: a fault's own transient (a restart storm, a surge)
    /// is what such a scenario measures, not a sign of an unfinished warm-up.
    /// </summary>
    public static int BucketsBeforeFirstFault(ScenarioConfig scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var bucket = SimTime.FromTimeSpan(scenario.Output.Bucket);
        var end = SimTime.FromTimeSpan(scenario.Duration);
        foreach (var fault in scenario.Faults)
        {
            end = Math.Min(end, SimTime.FromTimeSpan(fault.At));
        }

        return (int)(end / bucket);
    }
}
