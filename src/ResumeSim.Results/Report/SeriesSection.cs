using System.Text;

namespace ResumeSim.Results.Report;

/// <summary>
/// The report's time-series charts (timeseries.csv): resumption rate, CPU utilization and store
/// entries per strategy, one set per sweep point, each bucket the mean over replications; and the
/// CPU of each server.
/// </summary>
internal static class SeriesSection
{
    private static readonly (string Title, string Label, ReportUnit Unit, Func<TimeseriesRow, double> Value)[] Charts =
    [
        ("Resumption rate", "resumed / connections in the bucket", ReportUnit.Fraction, r => r.ResumptionRate),
        ("CPU utilization", "mean utilization of all server cores", ReportUnit.Fraction, r => r.CpuUtil),
        ("Session store entries", "entries held at the bucket end (all stores)", ReportUnit.Count, r => r.StoreEntries),
    ];

    public static void Write(StringBuilder html, ReportRun run, string prefix)
    {
        html.Append("<h3 id=\"").Append(prefix).Append("-series\">Over time</h3>\n");
        if (run.Output.Timeseries.Count == 0)
        {
            html.Append("<p class=\"note\">timeseries.csv has no rows.</p>\n");
            return;
        }

        html.Append("<p class=\"note\">timeseries.csv, one line per strategy; each bucket is the mean over replications.</p>\n");
        foreach (var sweep in SweepPoints(run))
        {
            if (sweep.Count > 0)
            {
                html.Append("<h4>").Append(Html.Escape(sweep.ToString())).Append("</h4>\n");
            }

            html.Append("<div class=\"charts\">\n");
            foreach (var (title, label, unit, value) in Charts)
            {
                var lines = run.Groups().Where(g => g.Sweep.Equals(sweep))
                    .Select(g => (g.Strategy, (IReadOnlyList<(double, double)>)MeanSeries(Rows(run, g.Strategy, sweep), value)))
                    .ToList();
                SvgLineChart.Write(html, title, label, unit, lines);
            }

            html.Append("</div>\n");
        }
    }

    public static void WriteServers(StringBuilder html, ReportRun run, string prefix)
    {
        html.Append("<h3 id=\"").Append(prefix).Append("-servers\">CPU per server</h3>\n");
        var servers = ServerCpu.From(run);
        if (servers.Count == 0)
        {
            html.Append("<p class=\"note\">No per-server CPU in this run.</p>\n");
            return;
        }

        html.Append("<p class=\"note\">").Append(Html.Escape(ServerCpu.SourceNote(run))).Append(" Mean and peak over the measured period's buckets (mean over replications per bucket); a server that is down counts 0.</p>\n");
        var width = servers.Max(s => s.Series.Count);
        html.Append("<div class=\"scroll\"><table class=\"sortable\" data-table=\"servers\">\n<thead><tr><th>strategy</th>");
        foreach (var key in run.SweepKeys())
        {
            html.Append("<th>").Append(Html.Escape(key)).Append("</th>");
        }

        for (var i = 1; i <= width; i++)
        {
            html.Append("<th>server ").Append(i).Append(" mean</th>");
        }

        html.Append("<th>busiest server peak</th></tr></thead>\n<tbody>\n");
        foreach (var group in servers)
        {
            MetricTables.GroupRowStart(html, group.Strategy, group.Sweep);
            for (var i = 0; i < width; i++)
            {
                var mean = i < group.Series.Count ? Mean(group.Series[i].Select(p => p.Y)) : double.NaN;
                MetricTables.ValueCell(html, "server_" + (i + 1) + "_cpu_util_mean", mean, ReportFormat.Display(mean, ReportUnit.Fraction));
                html.Append("</td>");
            }

            var peak = group.Series.SelectMany(s => s).Select(p => p.Y).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Max();
            MetricTables.ValueCell(html, "server_cpu_util_peak", peak, ReportFormat.Display(peak, ReportUnit.Fraction));
            html.Append("</td></tr>\n");
        }

        html.Append("</tbody></table></div>\n<div class=\"charts\">\n");
        foreach (var group in servers)
        {
            var title = group.Sweep.Count == 0 ? group.Strategy : $"{group.Strategy} ({group.Sweep})";
            SvgLineChart.Write(html, "CPU per server: " + title, "utilization of the server's cores", ReportUnit.Fraction,
                group.Series.Select((s, i) => ("server " + (i + 1), (IReadOnlyList<(double, double)>)s)).ToList());
        }

        html.Append("</div>\n");
    }

    internal static IReadOnlyList<SweepCells> SweepPoints(ReportRun run) => run.Groups().Select(g => g.Sweep).Distinct().ToList();

    internal static IEnumerable<TimeseriesRow> Rows(ReportRun run, string strategy, SweepCells sweep) =>
        run.Output.Timeseries.Where(r => r.Strategy == strategy && SweepCells.From(r.Sweep).Equals(sweep));

    /// <summary>Per bucket start, the mean over replications of the values that are not NaN (NaN when none is).</summary>
    internal static List<(double X, double Y)> MeanSeries(IEnumerable<TimeseriesRow> rows, Func<TimeseriesRow, double> value) =>
        rows.GroupBy(r => r.TimeS).OrderBy(g => g.Key).Select(g => (g.Key, Mean(g.Select(value)))).ToList();

    internal static double Mean(IEnumerable<double> values)
    {
        double sum = 0;
        var n = 0;
        foreach (var value in values)
        {
            if (!double.IsNaN(value))
            {
                sum += value;
                n++;
            }
        }

        return n == 0 ? double.NaN : sum / n;
    }
}
