using ResumeSim.Charts.Drawing;
using ScottPlot;

namespace ResumeSim.Charts.Charts;

/// <summary>
/// <c>comparison</c>: the three numbers a planner weighs first (resumption rate, p99 handshake latency,
/// mean CPU utilization) side by side per strategy. They have different units, so each group is
/// scaled to its largest strategy (= 100) and every bar is labelled with its real value (means across
/// replications; the intervals are in the resumption and capacity charts and summary_ci.csv, and with
/// few replications their whiskers would hide the labels).
/// </summary>
internal sealed class ComparisonChart : IRunChart
{
    private static readonly (string Metric, string Label, double Scale, string Unit)[] Metrics =
    [
        ("resumption_rate", "Resumption rate", 100, "%"),
        ("handshake_p99_ms", "p99 handshake latency", 1, " ms"),
        ("cpu_util_mean", "Mean CPU utilization", 100, "%"),
    ];

    public string Name => "comparison";

    public Plot? Build(RunData data, out string? skipReason)
    {
        if (data.Run.Summary.Count == 0)
        {
            skipReason = "summary.csv has no rows";
            return null;
        }

        skipReason = null;
        var point = data.Points[0];
        var subtitle = data.ProvenanceMeans() + (point.Count > 0 ? $", at {point} (first sweep point)" : "");
        var plot = ChartCanvas.Create("Strategy comparison", subtitle, "Metric (bar labels: actual values)", "Relative to the highest strategy (= 100)");
        var strategies = data.Strategies;
        var width = 0.8 / Math.Max(1, strategies.Count);
        for (var s = 0; s < strategies.Count; s++)
        {
            var color = ChartCanvas.ColorOf(s);
            var bars = new List<Bar>();
            for (var m = 0; m < Metrics.Length; m++)
            {
                var (metric, _, scale, unit) = Metrics[m];
                var ci = data.Ci(strategies[s], point, metric);
                var highest = strategies.Select(x => data.Ci(x, point, metric)?.Mean ?? double.NaN).Where(v => !double.IsNaN(v)).DefaultIfEmpty(0).Max();
                var relative = highest > 0 ? 100 / highest : 0;
                var mean = ci is null || double.IsNaN(ci.Mean) ? double.NaN : ci.Mean;
                bars.Add(new Bar
                {
                    Position = m + ((s + 0.5) * width) - 0.4,
                    Size = width * 0.9,
                    Value = double.IsNaN(mean) ? 0 : mean * relative,
                    FillColor = color,
                    Label = double.IsNaN(mean) ? "n/a" : ChartCanvas.Number(mean * scale) + unit,
                });
            }

            var barPlot = plot.Add.Bars(bars);
            barPlot.LegendText = strategies[s];
            barPlot.Color = color;
        }

        ChartCanvas.CategoryTicks(plot, Metrics.Select(m => m.Label).ToList());
        plot.Axes.SetLimitsY(0, 125);
        ChartCanvas.Legend(plot, strategies.Count);
        return plot;
    }
}
