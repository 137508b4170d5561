using ResumeSim.Charts.Drawing;
using ResumeSim.Results;
using ScottPlot;

namespace ResumeSim.Charts.Charts;

/// <summary>
/// <c>servers-cpu</c>: each server's CPU utilization per time bucket (timeseries.csv's
/// <c>cpu_util_by_server</c>, servers.csv's <c>cpu_util</c>), mean across replications: an unbalanced
/// farm (sticky balancing, a restart's storm landing on the servers still up) shows as lines apart, which
/// the farm mean of <c>cpu</c> hides. Colour is the server, line pattern the strategy; with more lines
/// than <see cref="MaxLines"/> only the first strategy (and sweep point), and the subtitle says so.
/// </summary>
internal sealed class ServersCpuChart : IRunChart
{
    public const int MaxLines = 40;

    public string Name => "servers-cpu";

    public Plot? Build(RunData data, out string? skipReason)
    {
        var rows = data.Run.Timeseries.Where(r => r.CpuUtilByServer.Count > 0).ToList();
        if (rows.Count == 0)
        {
            skipReason = "timeseries.csv has no per-server utilization";
            return null;
        }

        var (series, note) = PointSelection.Choose(data, rows.Select(r => SweepCells.From(r.Sweep)));
        var servers = rows.Max(r => r.CpuUtilByServer.Count);
        if (series.Count * servers > MaxLines && series.Count > 1)
        {
            note = $"{series[0].Key.Label} only ({servers} servers)";
            series = [series[0]];
        }

        var lines = new List<(string Label, int Server, int Strategy, double[] Times, double[] Values)>();
        for (var k = 0; k < series.Count; k++)
        {
            var (key, point) = series[k];
            var buckets = rows.Where(r => r.Strategy == key.Strategy && SweepCells.From(r.Sweep).Equals(point))
                .GroupBy(r => r.TimeS)
                .OrderBy(g => g.Key)
                .ToList();
            for (var s = 0; s < servers; s++)
            {
                var times = buckets.Select(g => g.Key).ToArray();
                var values = buckets.Select(g => g.Average(r => s < r.CpuUtilByServer.Count ? r.CpuUtilByServer[s] : 0)).ToArray();
                if (times.Length > 0)
                {
                    var label = series.Count > 1 ? $"{key.Label}: server {s + 1}" : $"server {s + 1}";
                    lines.Add((label, s, k, times, values));
                }
            }
        }

        skipReason = null;
        var end = lines.Max(l => l.Times[^1]);
        var width = lines.Max(l => l.Times.Length > 1 ? l.Times[^1] - l.Times[^2] : 0);
        var (timeDivisor, timeUnit) = AxisUnits.Time(end);
        var subtitle = data.Provenance(withInterval: false) + (data.Replications > 1 ? " averaged per bucket" : "")
            + (note is null ? "" : ", " + note);
        var title = series.Count == 1 ? $"CPU utilization per server over time: {series[0].Key.Label}" : "CPU utilization per server over time";
        var plot = ChartCanvas.Create(title, subtitle, $"Simulated time after warm-up ({timeUnit})", "CPU utilization of the server's cores (%)");
        // Colour by server and pattern by strategy while each strategy's servers fit the ten colours;
        // otherwise every line its own colour and pattern.
        var byServer = series.Count > 1 && servers <= 10;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var style = byServer ? line.Server : i;
            var scatter = plot.Add.ScatterLine(line.Times.Select(t => t / timeDivisor).ToArray(), line.Values.Select(v => v * 100).ToArray(), ChartCanvas.ColorOf(style));
            scatter.LineWidth = 2;
            scatter.LinePattern = byServer ? ChartCanvas.PatternOf(line.Strategy * 10) : ChartCanvas.PatternOf(i);
            scatter.LegendText = line.Label;
            scatter.ConnectStyle = ConnectStyle.StepHorizontal;
        }

        plot.Axes.SetLimitsX(0, (end + width) / timeDivisor);
        ChartCanvas.FromZeroY(plot, lines.Max(l => l.Values.DefaultIfEmpty(0).Max()) * 100);
        ChartCanvas.PercentTicksY(plot);
        ChartCanvas.Legend(plot, lines.Count);
        return plot;
    }
}
