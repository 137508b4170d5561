using ResumeSim.Charts.Drawing;
using ScottPlot;

namespace ResumeSim.Charts.Charts;

/// <summary>
/// <c>latency-cdf</c> (handshake) and <c>page-cdf</c> (page ready): the share of samples at or below
/// each latency, per strategy, on a log latency axis so the resumed (1 RTT) and full (2 RTT) modes
/// and the queueing tail are all visible. Replications are merged (<see cref="LatencyCdf"/>).
/// </summary>
internal sealed class LatencyCdfChart(string name, string metric, string what, string meaning) : IRunChart
{
    public string Name => name;

    public Plot? Build(RunData data, out string? skipReason)
    {
        var rows = data.Run.Latency.Where(r => r.Metric == metric).ToList();
        if (rows.Count == 0 || rows.All(r => r.Count == 0))
        {
            skipReason = $"latency.csv has no '{metric}' samples";
            return null;
        }

        var (series, note) = PointSelection.Choose(data, rows.Where(r => r.Count > 0).Select(r => Results.SweepCells.From(r.Sweep)));
        var curves = new List<(SeriesKey Key, IReadOnlyList<(double UpperMs, double Fraction)> Points)>();
        foreach (var (key, point) in series)
        {
            var cdf = LatencyCdf.Merge(rows.Where(r => r.Strategy == key.Strategy && Results.SweepCells.From(r.Sweep).Equals(point)));
            if (cdf.Any(p => p.UpperMs > 0))
            {
                curves.Add((key, cdf));
            }
        }

        if (curves.Count == 0)
        {
            skipReason = $"latency.csv has no '{metric}' samples above 0 ms";
            return null;
        }

        skipReason = null;
        var subtitle = data.Provenance(withInterval: false) + (data.Replications > 1 ? " merged" : "") + (note is null ? "" : ", " + note);
        var plot = ChartCanvas.Create($"{what} latency CDF", subtitle, $"{what} latency (ms, log scale)", $"Share of {meaning} at or below (%)");
        var minLog = double.MaxValue;
        var maxLog = double.MinValue;
        for (var i = 0; i < curves.Count; i++)
        {
            var positive = curves[i].Points.Where(p => p.UpperMs > 0).ToList();
            var xs = positive.Select(p => Math.Log10(p.UpperMs)).ToArray();
            var ys = positive.Select(p => p.Fraction * 100).ToArray();
            minLog = Math.Min(minLog, xs[0]);
            maxLog = Math.Max(maxLog, xs[^1]);
            var line = plot.Add.ScatterLine(xs, ys, ChartCanvas.ColorOf(i));
            line.LineWidth = 2;
            line.LinePattern = ChartCanvas.PatternOf(i);
            line.LegendText = curves[i].Key.Label;
        }

        if (maxLog - minLog < 0.3)
        {
            // One bucket wide: widen so the axis still has a labelled tick.
            minLog -= 0.3;
            maxLog += 0.3;
        }

        ChartCanvas.LogTicksX(plot, minLog, maxLog);
        plot.Axes.SetLimitsY(0, 102);
        ChartCanvas.PercentTicksY(plot);
        plot.Add.HorizontalLine(99, 1, Colors.Gray, LinePattern.Dotted);
        plot.Add.HorizontalLine(50, 1, Colors.Gray, LinePattern.Dotted);
        ChartCanvas.Legend(plot, curves.Count);
        return plot;
    }
}
