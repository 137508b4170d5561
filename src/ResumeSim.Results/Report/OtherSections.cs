using System.Globalization;
using System.Text;

namespace ResumeSim.Results.Report;

/// <summary>The report's misses-by-cause table, the scenario text and the run's provenance.</summary>
internal static class OtherSections
{
    public static void WriteMisses(StringBuilder html, ReportRun run, string prefix)
    {
        html.Append("<h3 id=\"").Append(prefix).Append("-misses\">Full handshakes by cause</h3>\n");
        var reasons = run.Output.Misses.Select(m => m.Reason).Distinct().ToList();
        if (reasons.Count == 0)
        {
            html.Append("<p class=\"note\">misses.csv has no rows.</p>\n");
            return;
        }

        html.Append("<p class=\"note\">misses.csv: connections that did a full handshake, by why they did not resume (docs/results.md); mean over replications.</p>\n");
        html.Append("<div class=\"scroll\"><table class=\"sortable\" data-table=\"misses\">\n<thead><tr><th>strategy</th>");
        foreach (var key in run.SweepKeys())
        {
            html.Append("<th>").Append(Html.Escape(key)).Append("</th>");
        }

        foreach (var reason in reasons)
        {
            html.Append("<th>").Append(Html.Escape(reason)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var (strategy, sweep) in run.Groups())
        {
            var replications = run.Output.Summary.Count(r => r.Strategy == strategy && SweepCells.From(r.Sweep).Equals(sweep));
            MetricTables.GroupRowStart(html, strategy, sweep);
            foreach (var reason in reasons)
            {
                var total = run.Output.Misses.Where(m => m.Strategy == strategy && m.Reason == reason && SweepCells.From(m.Sweep).Equals(sweep)).Sum(m => m.Count);
                var mean = replications == 0 ? double.NaN : (double)total / replications;
                MetricTables.ValueCell(html, reason, mean, ReportFormat.Display(mean, ReportUnit.Count));
                html.Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody></table></div>\n");
    }

    public static void WriteScenario(StringBuilder html, ReportRun run, string prefix)
    {
        html.Append("<h3 id=\"").Append(prefix).Append("-scenario\">Scenario</h3>\n<p class=\"note\">scenario.yaml, as the run resolved it.</p>\n<pre class=\"yaml\">")
            .Append(Html.Escape(run.Output.ScenarioYaml)).Append("</pre>\n");
    }

    public static void WriteProvenance(StringBuilder html, ReportRun run, string prefix)
    {
        var m = run.Output.Manifest;
        html.Append("<h3 id=\"").Append(prefix).Append("-provenance\">Provenance</h3>\n<p class=\"note\">run.json.</p>\n<table class=\"kv\" data-table=\"provenance\">\n");
        Row(html, "run folder", run.Label);
        Row(html, "version", m.Version);
        Row(html, "scenario", m.Scenario);
        Row(html, "scenario file", m.ScenarioFile ?? "(none)");
        Row(html, "scenario sha256", m.ScenarioSha256);
        Row(html, "seed", m.Seed.ToString(CultureInfo.InvariantCulture));
        Row(html, "replications", m.Replications.ToString(CultureInfo.InvariantCulture));
        Row(html, "strategies", string.Join(", ", m.Strategies));
        Row(html, "sweep points", m.SweepPoints.ToString(CultureInfo.InvariantCulture));
        Row(html, "started (UTC)", m.StartedUtc.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture));
        Row(html, "wall time", m.WallSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s");
        Row(html, "machine", $"{m.Machine.Os}, {m.Machine.Arch}, {m.Machine.Cores} cores, {m.Machine.Dotnet}");
        Row(html, "command", m.Command);
        html.Append("</table>\n");
    }

    private static void Row(StringBuilder html, string key, string value) =>
        html.Append("<tr><th>").Append(Html.Escape(key)).Append("</th><td><code>").Append(Html.Escape(value)).Append("</code></td></tr>\n");
}
