using ResumeSim.Results;
using ScottPlot;

namespace ResumeSim.Charts.Drawing;

/// <summary>
/// A <c>timeseries.csv</c> column over simulated time, one line per strategy (x sweep point), each
/// bucket the mean across replications.
/// </summary>
internal static class TimeseriesPlot
{
    public static Plot? Draw(
        RunData data,
        Func<TimeseriesRow, double> value,
        string emptyReason,
        out string? skipReason,
        Func<double, (double Scale, string Unit)> unitFor,
        string title,
        Func<string, string> yLabel)
    {
        var rows = data.Run.Timeseries;
        if (rows.Count == 0)
        {
            skipReason = emptyReason;
            return null;
        }

        var (series, note) = PointSelection.Choose(data, rows.Select(r => SweepCells.From(r.Sweep)));
        var lines = new List<(SeriesKey Key, double[] Times, double[] Values)>();
        foreach (var (key, point) in series)
        {
            var buckets = rows.Where(r => r.Strategy == key.Strategy && SweepCells.From(r.Sweep).Equals(point))
                .GroupBy(r => r.TimeS)
                .OrderBy(g => g.Key)
                .Select(g => (Time: g.Key, Mean: g.Select(value).Where(v => !double.IsNaN(v)).DefaultIfEmpty(double.NaN).Average()))
                .Where(b => !double.IsNaN(b.Mean))
                .ToList();
            if (buckets.Count > 0)
            {
                lines.Add((key, buckets.Select(b => b.Time).ToArray(), buckets.Select(b => b.Mean).ToArray()));
            }
        }

        if (lines.Count == 0)
        {
            skipReason = emptyReason;
            return null;
        }

        skipReason = null;
        var (timeDivisor, timeUnit) = AxisUnits.Time(lines.Max(l => l.Times[^1]));
        var (scale, unit) = unitFor(lines.Max(l => l.Values.Max()));
        var subtitle = data.Provenance(withInterval: false) + (data.Replications > 1 ? " averaged per bucket" : "") + (note is null ? "" : ", " + note);
        var plot = ChartCanvas.Create(title, subtitle, $"Simulated time after warm-up ({timeUnit})", yLabel(unit));
        for (var i = 0; i < lines.Count; i++)
        {
            var line = plot.Add.ScatterLine(lines[i].Times.Select(t => t / timeDivisor).ToArray(), lines[i].Values.Select(v => v * scale).ToArray(), ChartCanvas.ColorOf(i));
            line.LineWidth = 2;
            line.LinePattern = ChartCanvas.PatternOf(i);
            line.LegendText = lines[i].Key.Label;
            // Each value holds for its whole bucket (t_s is the bucket start).
            line.ConnectStyle = ConnectStyle.StepHorizontal;
        }

        // t_s is a bucket start: the last bucket ends one bucket width later.
        var width = lines.Max(l => l.Times.Length > 1 ? l.Times[^1] - l.Times[^2] : 0);
        plot.Axes.SetLimitsX(0, (lines.Max(l => l.Times[^1]) + width) / timeDivisor);
        ChartCanvas.FromZeroY(plot, lines.Max(l => l.Values.Max()) * scale);
        if (unit == "%")
        {
            ChartCanvas.PercentTicksY(plot);
        }

        ChartCanvas.Legend(plot, lines.Count);
        return plot;
    }
}
