using System.Text;
using ResumeSim.Results.Csv;

namespace ResumeSim.Results.Report;

/// <summary>
/// The report's tables of <c>summary_ci.csv</c>: one row per strategy and sweep point, each cell the
/// mean over replications with its 95% interval beneath; and every <c>summary.csv</c> row as written.
/// Cells carry the exact value in <c>data-value</c> (what sorting and tests read).
/// </summary>
internal static class MetricTables
{
    public static readonly IReadOnlyList<(string Id, string Title, string Note, string[] Metrics)> Tables =
    [
        ("resumption", "Resumption",
            "Resumed connections of all connections and of those whose client offered a session (id, ticket or PSK); counts per replication.",
            ["resumption_rate", "resumption_rate_offered", "connections", "offered", "resumed_id", "resumed_ticket", "resumed_psk", "zero_rtt", "full"]),
        ("latency", "Handshake and page latency (ms)",
            "Percentiles of every connection's handshake and every page's ready time (HdrHistogram bucket upper bounds), and time to first byte.",
            ["handshake_p50_ms", "handshake_p90_ms", "handshake_p99_ms", "handshake_p999_ms", "page_p50_ms", "page_p90_ms", "page_p99_ms", "page_p999_ms", "ttfb_p50_ms", "ttfb_p99_ms"]),
        ("cpu", "Server CPU and cores",
            "CPU charged by the cost model (docs/costs.md); the handshake share is the most resumption could save. Cores per server: the fractional figure by the utilization target, and the whole cores that rounds up to (or more, for the queue-wait target).",
            ["cpu_core_seconds", "cpu_handshake_core_seconds", "cpu_handshake_share", "cpu_ms_per_page", "cpu_util_mean", "cpu_util_peak", "cores_needed_fractional", "cores_needed", "queue_wait_mean_ms", "queue_wait_p99_ms"]),
        ("memory", "Session store memory, tickets and exposure",
            "Peak store memory held (expired but unswept sessions included) and live (resumable); forward-secrecy exposure in seconds (docs/farm.md).",
            ["store_peak_bytes", "store_peak_live_bytes", "store_peak_entries", "store_peak_live_entries", "evictions", "expirations", "tickets_issued", "tickets_rejected", "tickets_renewed", "exposure_max_s", "exposure_mean_s", "exposure_sessions_max"]),
    ];

    private static readonly Dictionary<string, string> Headings = new(StringComparer.Ordinal)
    {
        ["resumption_rate"] = "resumed / all",
        ["resumption_rate_offered"] = "resumed / offered",
        ["cpu_core_seconds"] = "CPU core-s",
        ["cpu_handshake_core_seconds"] = "handshake core-s",
        ["cpu_handshake_share"] = "handshake share",
        ["cpu_ms_per_page"] = "CPU ms / page",
        ["cores_needed_fractional"] = "cores (fractional)",
        ["cores_needed"] = "cores (whole)",
        ["store_peak_bytes"] = "peak bytes held",
        ["store_peak_live_bytes"] = "peak bytes live",
        ["store_peak_entries"] = "peak entries held",
        ["store_peak_live_entries"] = "peak entries live",
    };

    public static string Heading(string metric) => Headings.TryGetValue(metric, out var heading) ? heading : metric.Replace('_', ' ');

    public static void Write(StringBuilder html, ReportRun run, string prefix)
    {
        foreach (var (id, title, note, metrics) in Tables)
        {
            html.Append("<h3 id=\"").Append(prefix).Append('-').Append(id).Append("\">").Append(Html.Escape(title)).Append("</h3>\n");
            html.Append("<p class=\"note\">").Append(Html.Escape(note)).Append(" Mean over replications; small print: its 95% confidence interval.</p>\n");
            html.Append("<div class=\"scroll\"><table class=\"sortable\" data-table=\"").Append(id).Append("\">\n<thead><tr><th>strategy</th>");
            foreach (var key in run.SweepKeys())
            {
                html.Append("<th>").Append(Html.Escape(key)).Append("</th>");
            }

            foreach (var metric in metrics)
            {
                html.Append("<th title=\"").Append(metric).Append("\">").Append(Html.Escape(Heading(metric))).Append("</th>");
            }

            if (id == "resumption")
            {
                html.Append("<th>steady state</th>");
            }

            html.Append("</tr></thead>\n<tbody>\n");
            foreach (var (strategy, sweep) in run.Groups())
            {
                GroupRowStart(html, strategy, sweep);
                foreach (var metric in metrics)
                {
                    CiCell(html, metric, run.Find(strategy, sweep, metric));
                }

                if (id == "resumption")
                {
                    var states = run.Output.Summary.Where(r => r.Strategy == strategy && SweepCells.From(r.Sweep).Equals(sweep))
                        .Select(r => r.SteadyState).Distinct();
                    html.Append("<td>").Append(Html.Escape(string.Join(", ", states))).Append("</td>");
                }

                html.Append("</tr>\n");
            }

            html.Append("</tbody></table></div>\n");
        }
    }

    /// <summary>Every summary.csv row and column, as written (exact values in <c>data-value</c>).</summary>
    public static void WriteReplications(StringBuilder html, ReportRun run, string prefix)
    {
        html.Append("<details id=\"").Append(prefix).Append("-replications\"><summary>Every row of summary.csv (")
            .Append(run.Output.Summary.Count).Append(" rows)</summary>\n<div class=\"scroll\"><table class=\"sortable wide\" data-table=\"summary\">\n<thead><tr><th>strategy</th><th>replication</th>");
        foreach (var key in run.SweepKeys())
        {
            html.Append("<th>").Append(Html.Escape(key)).Append("</th>");
        }

        foreach (var metric in SummaryCsv.Metrics)
        {
            html.Append("<th>").Append(metric.Name).Append("</th>");
        }

        html.Append("<th>steady_state</th><th>start</th></tr></thead>\n<tbody>\n");
        foreach (var row in run.Output.Summary)
        {
            GroupRowStart(html, row.Strategy, SweepCells.From(row.Sweep), row.Replication);
            foreach (var metric in SummaryCsv.Metrics)
            {
                var value = metric.Value(row);
                ValueCell(html, metric.Name, value, ReportFormat.Display(value, ReportMetric.UnitOf(metric.Name)));
                html.Append("</td>");
            }

            html.Append("<td>").Append(Html.Escape(row.SteadyState)).Append("</td><td>").Append(Html.Escape(row.Start)).Append("</td></tr>\n");
        }

        html.Append("</tbody></table></div></details>\n");
    }

    /// <summary>Opens a row and writes its strategy, replication (when given) and sweep cells.</summary>
    public static void GroupRowStart(StringBuilder html, string strategy, SweepCells sweep, int? replication = null)
    {
        html.Append("<tr data-strategy=\"").Append(Html.Escape(strategy)).Append("\" data-sweep=\"").Append(Html.Escape(sweep.ToString())).Append('"');
        if (replication is { } rep)
        {
            html.Append(" data-replication=\"").Append(rep).Append('"');
        }

        html.Append("><td>").Append(Html.Escape(strategy)).Append("</td>");
        if (replication is { } r)
        {
            html.Append("<td class=\"num\" data-value=\"").Append(r).Append("\">").Append(r).Append("</td>");
        }

        foreach (var cell in sweep)
        {
            html.Append("<td>").Append(Html.Escape(cell.Value)).Append("</td>");
        }
    }

    /// <summary>A cell with a mean and, beneath it, its 95% interval (none for one replication).</summary>
    public static void CiCell(StringBuilder html, string metric, CiRow? ci)
    {
        if (ci is null)
        {
            html.Append("<td data-metric=\"").Append(metric).Append("\">-</td>");
            return;
        }

        var unit = ReportMetric.UnitOf(metric);
        ValueCell(html, metric, ci.Mean, ReportFormat.Display(ci.Mean, unit));
        if (ci.N >= 2)
        {
            html.Append("<span class=\"ci\" data-ci-low=\"").Append(ReportFormat.Exact(ci.Ci95Low)).Append("\" data-ci-high=\"")
                .Append(ReportFormat.Exact(ci.Ci95High)).Append("\">").Append(Html.Escape(ReportFormat.Display(ci.Ci95Low, unit)))
                .Append(" – ").Append(Html.Escape(ReportFormat.Display(ci.Ci95High, unit))).Append("</span>");
        }
        else
        {
            html.Append("<span class=\"ci\" title=\"one replication: no interval\">n = ").Append(ci.N).Append("</span>");
        }

        html.Append("</td>");
    }

    /// <summary>Opens a numeric cell (the caller closes it): exact value in data-value, the shown text in a span.</summary>
    public static void ValueCell(StringBuilder html, string metric, double value, string shown)
    {
        html.Append("<td class=\"num\" data-metric=\"").Append(metric).Append("\" data-value=\"").Append(ReportFormat.Exact(value))
            .Append("\"><span class=\"v\">").Append(Html.Escape(shown)).Append("</span>");
    }
}
