using ResumeSim.Results;

namespace ResumeSim.Charts.Drawing;

/// <summary>
/// Which (strategy, sweep point) lines a time-series or latency chart draws. Every combination while
/// the chart stays readable; past <see cref="MaxSeries"/> lines only the first sweep point, and the
/// chart says so in its subtitle.
/// </summary>
internal static class PointSelection
{
    public const int MaxSeries = 12;

    public static (IReadOnlyList<(SeriesKey Key, SweepCells Point)> Series, string? Note) Choose(RunData data, IEnumerable<SweepCells> pointsWithData)
    {
        var points = pointsWithData.Distinct().ToList();
        // Keep grid order (summary order), then any point only the other tables have.
        points = data.Points.Where(points.Contains).Concat(points.Where(p => !data.Points.Contains(p))).ToList();
        string? note = null;
        if (points.Count > 1 && data.Strategies.Count * points.Count > MaxSeries)
        {
            note = $"at {points[0]} (first sweep point)";
            points = [points[0]];
        }

        var keyed = points.Count > 1;
        var series = new List<(SeriesKey, SweepCells)>();
        foreach (var strategy in data.Strategies)
        {
            foreach (var point in points)
            {
                series.Add((new SeriesKey(strategy, keyed ? point : SweepCells.Empty), point));
            }
        }

        if (!keyed && points.Count == 1 && points[0].Count > 0)
        {
            note ??= $"at {points[0]}";
        }

        return (series, note);
    }
}
