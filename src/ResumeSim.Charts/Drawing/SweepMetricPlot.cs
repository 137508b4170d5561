using ResumeSim.Results;
using ScottPlot;

namespace ResumeSim.Charts.Drawing;

/// <summary>
/// A summary metric (mean across replications with its 95% interval) per strategy: a line with a
/// shaded interval band against a numeric sweep value, grouped bars with interval whiskers against a
/// categorical one, and one bar per strategy without a sweep.
/// </summary>
internal static class SweepMetricPlot
{
    /// <param name="data">The run.</param>
    /// <param name="axis">The sweep axis, or null for bars per strategy.</param>
    /// <param name="metric">A <c>summary.csv</c> column name.</param>
    /// <param name="scale">Multiplies the metric for display (100 for fractions shown in %).</param>
    public static Plot Draw(RunData data, SweepAxis? axis, string metric, double scale, string title, string yLabel, bool integerTicks = false)
    {
        var subtitle = data.Provenance(withInterval: true);
        if (axis is null)
        {
            var noSweep = ChartCanvas.Create(title, subtitle, "Strategy", yLabel);
            var point = data.Points.FirstOrDefault() ?? SweepCells.Empty;
            var bars = data.Strategies.Select((s, i) => Bar(data.Ci(s, point, metric), i, 0.7, scale, ChartCanvas.ColorOf(i))).ToArray();
            noSweep.Add.Bars(bars);
            ChartCanvas.CategoryTicks(noSweep, data.Strategies);
            ChartCanvas.FromZeroY(noSweep, bars.Select(b => b.Value + b.Error).DefaultIfEmpty(0).Max(), integerTicks);
            PercentTicks(noSweep, metric, scale);
            return noSweep;
        }

        var series = axis.Series(data);
        var plot = ChartCanvas.Create(title, subtitle, XLabel(axis), yLabel);
        if (axis.IsNumeric)
        {
            Lines(plot, data, series, axis, metric, scale);
            SweptValueTicks(plot, axis);
        }
        else
        {
            GroupedBars(plot, data, series, axis, metric, scale);
        }

        ChartCanvas.FromZeroY(plot, Top(data, metric) * scale, integerTicks);
        PercentTicks(plot, metric, scale);
        ChartCanvas.Legend(plot, series.Count);
        return plot;
    }

    /// <summary>A fraction shown in percent gets % on its tick labels.</summary>
    private static void PercentTicks(Plot plot, string metric, double scale)
    {
        if (scale == 100 && SummaryMetrics.IsFraction(metric))
        {
            ChartCanvas.PercentTicksY(plot);
        }
    }

    /// <summary>The highest upper interval bound (or mean) of the metric in the run.</summary>
    private static double Top(RunData data, string metric) =>
        data.Points.SelectMany(p => data.Strategies.Select(s => data.Ci(s, p, metric)))
            .Where(ci => ci is not null && !double.IsNaN(ci.Mean))
            .Select(ci => Math.Max(ci!.Mean, double.IsNaN(ci.Ci95High) ? ci.Mean : ci.Ci95High))
            .DefaultIfEmpty(0)
            .Max();

    public static string XLabel(SweepAxis axis) => axis.IsNumeric ? $"{axis.Key} (swept, value as in the scenario)" : $"{axis.Key} (swept)";

    private static void Lines(Plot plot, RunData data, IReadOnlyList<(SeriesKey Key, IReadOnlyList<(string Value, SweepCells Point)> Points)> series, SweepAxis axis, string metric, double scale)
    {
        for (var i = 0; i < series.Count; i++)
        {
            var xs = new List<double>();
            var means = new List<double>();
            var lows = new List<double>();
            var highs = new List<double>();
            foreach (var (value, point) in series[i].Points)
            {
                if (data.Ci(series[i].Key.Strategy, point, metric) is { } ci && !double.IsNaN(ci.Mean))
                {
                    xs.Add(axis.Position(value));
                    means.Add(ci.Mean * scale);
                    lows.Add(ci.Ci95Low * scale);
                    highs.Add(ci.Ci95High * scale);
                }
            }

            if (xs.Count == 0)
            {
                continue;
            }

            var color = ChartCanvas.ColorOf(i);
            if (lows.Zip(highs).Any(b => b.Second > b.First))
            {
                // The band is the 95% Student-t interval of the mean across replications (summary_ci.csv).
                var band = plot.Add.FillY([.. xs], [.. lows], [.. highs]);
                band.FillColor = color.WithAlpha(0.2);
                band.LineWidth = 0;
            }

            var line = plot.Add.Scatter(xs.ToArray(), means.ToArray(), color);
            line.LineWidth = 2;
            line.LinePattern = ChartCanvas.PatternOf(i);
            line.MarkerSize = 7;
            line.LegendText = series[i].Key.Label;
        }
    }

    /// <summary>A labelled tick at every swept value (and only there): the values the planner chose.</summary>
    private static void SweptValueTicks(Plot plot, SweepAxis axis)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i < axis.Values.Count; i++)
        {
            ticks.AddMajor(axis.Numbers![i], axis.Values[i]);
        }

        plot.Axes.Bottom.TickGenerator = ticks;
        var low = axis.Numbers!.Min();
        var high = axis.Numbers!.Max();
        var pad = high > low ? (high - low) * 0.04 : Math.Max(1, Math.Abs(low) * 0.1);
        plot.Axes.SetLimitsX(low - pad, high + pad);
    }

    private static void GroupedBars(Plot plot, RunData data, IReadOnlyList<(SeriesKey Key, IReadOnlyList<(string Value, SweepCells Point)> Points)> series, SweepAxis axis, string metric, double scale)
    {
        var width = 0.8 / Math.Max(1, series.Count);
        for (var i = 0; i < series.Count; i++)
        {
            var color = ChartCanvas.ColorOf(i);
            var offset = ((i + 0.5) * width) - 0.4;
            var bars = series[i].Points
                .Select(p => Bar(data.Ci(series[i].Key.Strategy, p.Point, metric), axis.Position(p.Value) + offset, width * 0.9, scale, color))
                .ToArray();
            var barPlot = plot.Add.Bars(bars);
            barPlot.LegendText = series[i].Key.Label;
            barPlot.Color = color;
        }

        ChartCanvas.CategoryTicks(plot, axis.Values);
    }

    private static Bar Bar(CiRow? ci, double position, double size, double scale, Color color)
    {
        var mean = ci is null || double.IsNaN(ci.Mean) ? 0 : ci.Mean * scale;
        var half = ci is null || double.IsNaN(ci.Ci95High) ? 0 : (ci.Ci95High - ci.Mean) * scale;
        return new Bar
        {
            Position = position,
            Value = mean,
            Error = half,
            Size = size,
            FillColor = color,
            Label = ChartCanvas.Number(mean),
        };
    }
}
