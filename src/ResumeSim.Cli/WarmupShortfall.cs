using System.Globalization;
using ResumeSim.Model.Configuration;
using ResumeSim.Model.Runs;
using ResumeSim.Model.Steady;
using ResumeSim.Scenarios;

namespace ResumeSim.Cli;

/// <summary>
/// A written warm-up shorter than a time scale the resumption rate needs to settle: the session timeout (a
/// session made in the warm-up has not yet expired, so expiries are missing from the start of the measured
/// window) or the busiest client's mean revisit gap (not even the most frequent visitor has come back to
/// resume). Until the longer of the two has passed since time 0 the window is still warming. The drift check
/// (<see cref="SteadyStateConsole"/>) may or may not see this transient; this warning comes from the
/// scenario alone, so it also holds for runs too short or too noisy for the check.
/// </summary>
internal sealed record WarmupShortfall(TimeSpan Warmup, TimeSpan Measured, TimeSpan? Timeout, TimeSpan? BusiestGap)
{
    /// <summary>The time scale the warm-up falls short of: the longer of the two that exceed it.</summary>
    public TimeSpan Needed => Max(Timeout ?? TimeSpan.Zero, BusiestGap ?? TimeSpan.Zero);

    /// <summary>How much of the measured window lies before <see cref="Needed"/>.</summary>
    public TimeSpan Warming => Min(Needed - Warmup, Measured);

    /// <summary>The shortfall of <paramref name="strategy"/> in <paramref name="scenario"/>, or null when the warm-up covers both scales (or is found by <c>warmup: auto</c>).</summary>
    public static WarmupShortfall? Find(ScenarioConfig scenario, StrategyConfig strategy)
    {
        if (scenario.AutoWarmup is not null || strategy.ResumptionOff || scenario.Duration <= TimeSpan.Zero)
        {
            return null;
        }

        var timeout = SessionTimeout(strategy);
        var gap = BusiestRevisitGap(scenario.Clients);
        TimeSpan? shortTimeout = timeout > scenario.Warmup ? timeout : null;
        TimeSpan? shortGap = gap > scenario.Warmup ? gap : null;
        return shortTimeout is null && shortGap is null ? null : new WarmupShortfall(scenario.Warmup, scenario.Duration, shortTimeout, shortGap);
    }

    /// <summary>
    /// One warning per strategy and shortfall, for the strategies that started empty (a stationary start
    /// needs no warm-up for what it draws); sweep points with the same shortfall share a line, named
    /// unless it holds at every point.
    /// </summary>
    public static void WriteWarnings(TextWriter error, ScenarioPlan plan, IReadOnlyList<StrategyRunResult> results)
    {
        var found = new List<(string Strategy, string Text, int Point)>();
        foreach (var group in results.GroupBy(r => (r.SweepPoint, r.Strategy)))
        {
            var point = plan.Points[group.Key.SweepPoint];
            var strategy = point.Config.Strategies.First(s => s.Name == group.Key.Strategy);
            if (!group.Any(r => r.SteadyState.Start.Stationary) && Find(point.Config, strategy) is { } shortfall)
            {
                found.Add((strategy.Name, shortfall.Describe(), point.Index));
            }
        }

        foreach (var same in found.GroupBy(f => (f.Strategy, f.Text)))
        {
            var points = same.Select(f => f.Point).Distinct().Order().ToList();
            var label = points.Count == plan.Points.Count || plan.SweepKeys.Count == 0
                ? same.Key.Strategy
                : $"{same.Key.Strategy} ({string.Join("; ", points.Select(p => string.Join(", ", plan.Points[p].Values.Select(v => $"{v.Key}={v.Value}"))))})";
            error.WriteLine($"warning: {label}: {same.Key.Text}");
        }
    }

    /// <summary>The warning's text after the label.</summary>
    public string Describe()
    {
        var scales = new List<string>();
        if (Timeout is { } timeout)
        {
            scales.Add($"the session timeout ({Show(timeout)})");
        }

        if (BusiestGap is { } gap)
        {
            scales.Add($"the busiest client's revisit gap ({Show(gap)})");
        }

        var share = (Warming.TotalSeconds / Measured.TotalSeconds).ToString("P0", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal);
        return $"the written warm-up ({Show(Warmup)}) is shorter than {string.Join(" and ", scales)}, so the first {Show(Warming)} "
            + $"of the {Show(Measured)} measured window ({share}) is still warming up; warm up for {Show(Needed)} or more, or use warmup: auto";
    }

    /// <summary>How long the server accepts what it issued: the session-id timeout, a ticket's lifetime bounded by how long its key is kept, the longer for both.</summary>
    private static TimeSpan SessionTimeout(StrategyConfig strategy)
    {
        var timeout = strategy.SessionIds?.Timeout ?? TimeSpan.Zero;
        if (strategy.Tickets is { } tickets)
        {
            var keyLife = tickets.Rotate == TimeSpan.Zero ? tickets.Lifetime : tickets.Rotate + tickets.Keep;
            timeout = Max(timeout, Min(tickets.Lifetime, keyLife));
        }

        return timeout;
    }

    /// <summary>The mean gap between visits of the most popular client (rank 1 under Zipf); null for a trace.</summary>
    private static TimeSpan? BusiestRevisitGap(ClientsConfig clients)
    {
        if (clients.Trace is not null || clients.VisitsPerSecond <= 0 || clients.Count <= 0)
        {
            return null;
        }

        var rate = clients.VisitsPerSecond;
        if (clients.Popularity.Kind == PopularityKind.Zipf)
        {
            // Rank i gets a share (i+1)^-s / sum of all visits (the population's VisitRates).
            var sum = 0.0;
            for (var i = 0; i < clients.Count; i++)
            {
                sum += Math.Pow(i + 1, -clients.Popularity.Exponent);
            }

            rate = clients.VisitsPerSecond * clients.Count / sum;
        }

        return TimeSpan.FromSeconds(1 / rate);
    }

    private static string Show(TimeSpan span) => TransientCauses.Show(span);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
