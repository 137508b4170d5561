using ResumeSim.Results;
using ResumeSim.Scenarios;

namespace ResumeSim.Cli;

/// <summary>
/// The fixed order of a run's rows (sweep point, then strategy as written, then replication), the
/// order an unsharded run writes them in; and the check that shards cover every run exactly once.
/// </summary>
internal sealed class RunOrder
{
    private readonly ScenarioPlan _plan;
    private readonly Dictionary<string, int> _points = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _strategies = new(StringComparer.Ordinal);

    public RunOrder(ScenarioPlan plan)
    {
        _plan = plan;
        foreach (var point in plan.Points)
        {
            _points[PointName(point.Values.Select(v => (v.Key, v.Value)))] = point.Index;
        }

        for (var s = 0; s < plan.Base.Strategies.Count; s++)
        {
            _strategies[plan.Base.Strategies[s].Name] = s;
        }
    }

    public (int Point, int Strategy, int Replication) Key(string strategy, int replication, IReadOnlyList<SweepCell> sweep) =>
        (_points.TryGetValue(PointName(sweep.Select(c => (c.Key, c.Value))), out var point) ? point : int.MaxValue,
         _strategies.TryGetValue(strategy, out var s) ? s : int.MaxValue,
         replication);

    public bool TryCheckCoverage(IEnumerable<SummaryRow> rows, out string problem)
    {
        var seen = new HashSet<(int, int, int)>();
        foreach (var row in rows)
        {
            var key = Key(row.Strategy, row.Replication, row.Sweep);
            if (key.Point == int.MaxValue || key.Strategy == int.MaxValue || key.Replication >= _plan.Base.Replications)
            {
                problem = $"a shard holds a run the scenario does not have: strategy {row.Strategy}, replication {row.Replication}, sweep [{string.Join(", ", row.Sweep)}]";
                return false;
            }

            if (!seen.Add(key))
            {
                problem = $"two shards hold the same run: strategy {row.Strategy}, replication {row.Replication}, sweep [{string.Join(", ", row.Sweep)}]";
                return false;
            }
        }

        var expected = _plan.Points.Count * _plan.Base.Strategies.Count * _plan.Base.Replications;
        if (seen.Count != expected)
        {
            problem = $"the shards hold {seen.Count} of the {expected} runs; a shard is missing";
            return false;
        }

        problem = "";
        return true;
    }

    private static string PointName(IEnumerable<(string Key, string Value)> values) =>
        string.Join("\u001f", values.Select(v => v.Key + "=" + v.Value));
}
