using System.Globalization;
using ResumeSim.Model.Runs;
using ResumeSim.Model.Steady;
using ResumeSim.Scenarios;

namespace ResumeSim.Cli;

/// <summary>
/// What a run says about its warm-up (docs/steady-state.md): the warm-ups MSER-5 found, and warnings when a
/// run is too short to reach steady state or its measured window still trends, with the likely cause.
/// One group per sweep point and strategy, replications in order.
/// </summary>
internal static class SteadyStateConsole
{
    /// <summary>The warm-ups found by <c>warmup: auto</c>, if any (the report, not shown with --quiet).</summary>
    public static void WriteFound(TextWriter output, ScenarioPlan plan, IReadOnlyList<StrategyRunResult> results)
    {
        var groups = Groups(results).Where(g => g.Runs[0].SteadyState.Auto is not null).ToList();
        if (groups.Count == 0)
        {
            return;
        }

        var auto = groups[0].Runs[0].SteadyState.Auto!;
        output.WriteLine($"warm-up: twice the end of the transient found by MSER-5 on a {Show(auto.PilotSeconds)} pilot (per replication: warm-up, end of the transient, the metric whose transient ended last):");
        foreach (var group in groups)
        {
            var cuts = group.Runs.Select(r => r.SteadyState.Auto is { } a
                ? $"{Show(a.Warmup.TotalSeconds)} ({(a.TooShort ? "too short: " : "")}{Show(a.FoundSeconds)}, {SteadyMetrics.Name(a.DecidingMetric)})"
                : "written");
            output.WriteLine($"  {Label(plan, group)}: {string.Join(", ", cuts)}");
        }
    }

    /// <summary>
    /// Notes on <c>start: stationary</c> (strategies that started empty, and why; starts that were not exact),
    /// then warnings for runs that are too short or still trend; returns how many groups were warned about.
    /// </summary>
    public static int WriteWarnings(TextWriter error, ScenarioPlan plan, IReadOnlyList<StrategyRunResult> results)
    {
        WriteStartNotes(error, plan, results);
        var warned = 0;
        foreach (var group in Groups(results))
        {
            var config = plan.Points[group.Point].Config;
            var strategy = config.Strategies.First(s => s.Name == group.Strategy);
            var tooShort = group.Runs.Where(r => r.SteadyState.Auto is { TooShort: true }).ToList();
            if (tooShort.Count > 0)
            {
                var a = tooShort[0].SteadyState.Auto!;
                var latest = tooShort.Max(r => r.SteadyState.Auto!.FoundSeconds);
                var found = string.Join(", ", tooShort.Select(r => $"{Show(r.SteadyState.Auto!.FoundSeconds)} (replication {r.Replication}, {SteadyMetrics.Name(r.SteadyState.Auto!.DecidingMetric)})"));
                error.WriteLine(
                    $"warning: {Label(plan, group)}: too short to reach steady state. MSER-5 ends the transient at {found}, in the second half of the "
                    + $"{Show(a.PilotSeconds)} pilot: the pilot (and the warm-up) needs to be at least {Show(2 * latest - a.PilotSeconds)} longer "
                    + $"(warmup: {{auto: {Math.Ceiling(2 * latest / 600) * 10}m}} or more). Measured after the whole pilot, its figures are still a transient.");
                WriteCauses(error, TransientCauses.For(config, strategy, tooShort[0].SteadyState.Auto!.DecidingMetric, TimeSpan.FromSeconds(a.PilotSeconds / 2)));
                warned++;
                continue;
            }

            var drifting = group.Runs.Where(r => r.SteadyState.Window.Drifts.Count > 0).ToList();
            if (drifting.Count == 0)
            {
                continue;
            }

            var first = drifting[0];
            var replications = string.Join(", ", drifting.Select(r => r.Replication));
            foreach (var drift in first.SteadyState.Window.Drifts)
            {
                error.WriteLine(
                    $"warning: {Label(plan, group)}: the measured window still trends (warm-up {Show(first.SteadyState.Warmup.TotalSeconds)}): "
                    + $"{SteadyMetrics.Name(drift.Metric)} goes from {Value(drift.First)} in its first third to {Value(drift.Last)} in its last "
                    + $"({(drift.Change >= 0 ? "+" : "")}{Value(drift.Change)}, {Multiple(drift.NoiseMultiple)} its noise; replication {first.Replication}, drifting in replications {replications}).");
                WriteCauses(error, TransientCauses.For(config, strategy, drift.Metric, first.SteadyState.Warmup));
            }

            warned++;
        }

        return warned;
    }

    /// <summary>One note per distinct reason, naming the strategies (and sweep points) it applies to.</summary>
    private static void WriteStartNotes(TextWriter error, ScenarioPlan plan, IReadOnlyList<StrategyRunResult> results)
    {
        var notes = Groups(results)
            .Select(g => (Group: g, Start: g.Runs.Select(r => r.SteadyState.Start).FirstOrDefault(s => s.Note is not null)))
            .Where(n => n.Start is not null)
            .GroupBy(n => (n.Start!.Stationary, n.Start.Note));
        foreach (var note in notes)
        {
            var who = string.Join(", ", note.Select(n => Label(plan, n.Group)));
            error.WriteLine(note.Key.Stationary
                ? $"note: start: stationary is not exact for {who}: {note.Key.Note}."
                : $"note: {who} started empty, not stationary: {note.Key.Note}.");
        }
    }

    private static void WriteCauses(TextWriter error, IReadOnlyList<string> causes)
    {
        if (causes.Count == 0)
        {
            error.WriteLine("  likely cause: none of the scenario's time scales exceeds the warm-up; look for a slow change of load (diurnal curve, trace)");
        }

        foreach (var cause in causes)
        {
            error.WriteLine($"  likely cause: {cause}");
        }

        error.WriteLine("  see docs/steady-state.md; warmup: auto finds the warm-up (and says when the run is too short)");
    }

    private static List<(int Point, string Strategy, List<StrategyRunResult> Runs)> Groups(IReadOnlyList<StrategyRunResult> results) =>
        results.GroupBy(r => (r.SweepPoint, r.Strategy))
            .Select(g => (g.Key.SweepPoint, g.Key.Strategy, g.OrderBy(r => r.Replication).ToList()))
            .ToList();

    private static string Label(ScenarioPlan plan, (int Point, string Strategy, List<StrategyRunResult> Runs) group)
    {
        var values = plan.Points[group.Point].Values;
        return values.Count == 0 ? group.Strategy : $"{group.Strategy} ({string.Join(", ", values.Select(v => $"{v.Key}={v.Value}"))})";
    }

    private static string Show(double seconds) => TransientCauses.Show(TimeSpan.FromSeconds(seconds));

    private static string Value(double value) => value.ToString(Math.Abs(value) >= 100 ? "F0" : "G3", CultureInfo.InvariantCulture);

    private static string Multiple(double multiple) =>
        double.IsPositiveInfinity(multiple) ? "with no noise at all against" : multiple.ToString("F1", CultureInfo.InvariantCulture) + "x";
}
