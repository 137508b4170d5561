using System.Globalization;
using ResumeSim.Results;

namespace ResumeSim.Charts.Drawing;

/// <summary>
/// A run's tables arranged the way charts read them: strategies in scenario order, sweep points in
/// grid order, means and 95% intervals across replications per strategy x sweep point.
/// </summary>
internal sealed class RunData
{
    private readonly Dictionary<(string Strategy, SweepCells Point, string Metric), CiRow> _ci = [];

    public RunData(RunOutput run)
    {
        ArgumentNullException.ThrowIfNull(run);
        Run = run;
        var strategies = new List<string>(run.Manifest.Strategies);
        var points = new List<SweepCells>();
        foreach (var row in run.Summary)
        {
            if (!strategies.Contains(row.Strategy))
            {
                strategies.Add(row.Strategy);
            }

            var point = SweepCells.From(row.Sweep);
            if (!points.Contains(point))
            {
                points.Add(point);
            }
        }

        // Strategies without a summary row (a partial run) are kept only if another table has them.
        Strategies = strategies.Where(s => run.Summary.Any(r => r.Strategy == s)
            || run.Timeseries.Any(r => r.Strategy == s) || run.Latency.Any(r => r.Strategy == s)).ToList();
        Points = points;
        var first = run.Summary.Select(r => r.Sweep).Concat(run.Timeseries.Select(r => r.Sweep)).Concat(run.Latency.Select(r => r.Sweep)).FirstOrDefault();
        SweepKeys = first is null ? [] : first.Select(c => c.Key).ToList();
        foreach (var row in ConfidenceIntervals.Summarize(run.Summary))
        {
            _ci[(row.Strategy, SweepCells.From(row.Sweep), row.Metric)] = row;
        }

        Replications = run.Summary.Select(r => r.Replication).Concat(run.Timeseries.Select(r => r.Replication)).Distinct().Count();
    }

    public RunOutput Run { get; }

    /// <summary>Strategy names, scenario order first.</summary>
    public IReadOnlyList<string> Strategies { get; }

    /// <summary>Distinct sweep points of the summary in grid order; one empty point without a sweep.</summary>
    public IReadOnlyList<SweepCells> Points { get; }

    /// <summary>The sweep keys in scenario order; empty without a sweep.</summary>
    public IReadOnlyList<string> SweepKeys { get; }

    public bool HasSweep => SweepKeys.Count > 0;

    /// <summary>Replications seen in the tables (the n behind each interval).</summary>
    public int Replications { get; }

    /// <summary>Mean and 95% interval of a summary metric, or null when the group has no row.</summary>
    public CiRow? Ci(string strategy, SweepCells point, string metric) =>
        _ci.TryGetValue((strategy, point, metric), out var row) ? row : null;

    /// <summary>The second title line most charts share: what the run was and what a band means.</summary>
    public string Provenance(bool withInterval)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"scenario {Run.Manifest.Scenario}, seed {Run.Manifest.Seed}, ");
        if (!withInterval)
        {
            return text + Plural(Replications, "replication");
        }

        return Replications <= 1
            ? text + "1 replication (no confidence interval)"
            : text + $"mean of {Plural(Replications, "replication")}, 95% CI";
    }

    /// <summary>As <see cref="Provenance"/>, for charts of means without intervals.</summary>
    public string ProvenanceMeans() =>
        string.Create(CultureInfo.InvariantCulture, $"scenario {Run.Manifest.Scenario}, seed {Run.Manifest.Seed}, mean of {Plural(Replications, "replication")}");

    public static string Plural(int n, string noun) =>
        n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? "" : "s");
}
