using System.Text;

namespace ResumeSim.Results.Report;

/// <summary>The report's comparison of two runs: <see cref="RunComparison"/> as a sortable table.</summary>
internal static class ComparisonSection
{
    public static void Write(StringBuilder html, RunComparison comparison)
    {
        html.Append("<section id=\"compare\"><h2>Comparison: B - A</h2>\n<ul class=\"note\">\n");
        html.Append("<li>A: <code>").Append(Html.Escape(comparison.LabelA)).Append("</code> (").Append(Html.Escape(RunComparison.Describe(comparison.A))).Append(")</li>\n");
        html.Append("<li>B: <code>").Append(Html.Escape(comparison.LabelB)).Append("</code> (").Append(Html.Escape(RunComparison.Describe(comparison.B))).Append(")</li>\n");
        foreach (var note in comparison.Notes)
        {
            html.Append("<li>").Append(Html.Escape(note)).Append("</li>\n");
        }

        html.Append("</ul>\n<p class=\"note\">summary_ci.csv of both runs. \"Outside both CIs\": each run's mean lies outside the other's 95% interval.</p>\n");
        if (comparison.Rows.Count == 0)
        {
            html.Append("</section>\n");
            return;
        }

        var sweeps = comparison.Rows.Any(r => r.Sweep.Count > 0);
        html.Append("<div class=\"scroll\"><table class=\"sortable\" data-table=\"compare\">\n<thead><tr><th>strategy</th>");
        if (sweeps)
        {
            html.Append("<th>sweep</th>");
        }

        html.Append("<th>metric</th><th>A mean</th><th>B mean</th><th>B - A</th><th>outside both CIs</th></tr></thead>\n<tbody>\n");
        foreach (var row in comparison.Rows)
        {
            var unit = ReportMetric.UnitOf(row.Metric);
            html.Append("<tr data-strategy=\"").Append(Html.Escape(row.Strategy)).Append("\" data-metric=\"").Append(row.Metric).Append("\" data-verdict=\"")
                .Append(row.Verdict).Append("\"><td>").Append(Html.Escape(row.Strategy)).Append("</td>");
            if (sweeps)
            {
                html.Append("<td>").Append(Html.Escape(row.Sweep.ToString())).Append("</td>");
            }

            html.Append("<td>").Append(row.Metric).Append("</td>");
            MetricTables.CiCell(html, row.Metric, row.A);
            MetricTables.CiCell(html, row.Metric, row.B);
            MetricTables.ValueCell(html, row.Metric, row.Difference, ReportFormat.Difference(row.Difference, unit));
            html.Append("</td><td class=\"verdict-").Append(row.Verdict).Append("\">").Append(Html.Escape(row.VerdictText)).Append("</td></tr>\n");
        }

        html.Append("</tbody></table></div></section>\n");
    }
}
