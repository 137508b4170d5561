using System.Text;

namespace ResumeSim.Results.Report;

/// <summary>
/// One self-contained HTML page of one or more runs (docs/report.md): tables of every strategy's
/// metrics with their 95% intervals, misses by cause, time-series and per-server CPU charts as inline
/// SVG, the scenario and the provenance; with two runs, their comparison. Nothing is fetched: no
/// external script, style, font or image (the page's Content-Security-Policy forbids it), and a few
/// lines of inline script sort the tables.
/// </summary>
public static class RunReport
{
    /// <summary>The page for <paramref name="runs"/> (at least one).</summary>
    public static string Render(IReadOnlyList<ReportRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0)
        {
            throw new ArgumentException("A report needs at least one run.", nameof(runs));
        }

        var title = runs.Count == 1
            ? $"ResumeSim report: {runs[0].Output.Manifest.Scenario}"
            : $"ResumeSim report: {string.Join(" vs ", runs.Select(r => r.Output.Manifest.Scenario).Distinct())}";
        var html = new StringBuilder(64 * 1024);
        ReportPage.Head(html, title);
        html.Append("<nav><ul>\n");
        if (runs.Count == 2)
        {
            html.Append("<li><a href=\"#compare\">Comparison</a></li>\n");
        }

        for (var i = 0; i < runs.Count; i++)
        {
            html.Append("<li><a href=\"#run").Append(i + 1).Append("\">").Append(Html.Escape(RunName(runs, i))).Append("</a></li>\n");
        }

        html.Append("</ul></nav>\n<main>\n<h1>").Append(Html.Escape(title)).Append("</h1>\n");
        if (runs.Count == 2)
        {
            var (a, b) = (runs[0], runs[1]);
            ComparisonSection.Write(html, RunComparison.Of(a.Label, a.Output.Manifest, a.Ci, b.Label, b.Output.Manifest, b.Ci));
        }

        for (var i = 0; i < runs.Count; i++)
        {
            WriteRun(html, runs[i], "run" + (i + 1), RunName(runs, i));
        }

        html.Append("</main>\n");
        ReportPage.Tail(html);
        return html.ToString();
    }

    /// <summary>
    /// Writes the page to <paramref name="path"/> through a temporary file in the same folder, renamed
    /// over the target only once complete and flushed: a reader sees the old report or the new one.
    /// </summary>
    public static void Write(string path, IReadOnlyList<ReportRun> runs)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var text = Render(runs);
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + ".tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            try
            {
                File.Delete(temp);
            }
            catch (IOException)
            {
                // The original failure matters more than a leftover hidden temp file.
            }

            throw;
        }
    }

    private static string RunName(IReadOnlyList<ReportRun> runs, int index)
    {
        var prefix = runs.Count == 2 ? (index == 0 ? "A: " : "B: ") : "";
        var m = runs[index].Output.Manifest;
        return $"{prefix}{m.Scenario}, seed {m.Seed}, {m.StartedUtc.UtcDateTime:yyyy-MM-dd HH:mm}";
    }

    private static void WriteRun(StringBuilder html, ReportRun run, string prefix, string name)
    {
        var m = run.Output.Manifest;
        html.Append("<section id=\"").Append(prefix).Append("\" class=\"run\"><h2>").Append(Html.Escape(name)).Append("</h2>\n<p class=\"note\"><code>")
            .Append(Html.Escape(run.Label)).Append("</code>: ").Append(m.Strategies.Count).Append(" strategies x ").Append(m.SweepPoints).Append(" sweep point(s) x ")
            .Append(m.Replications).Append(" replication(s). Rates, shares and utilizations in percent; times in ms unless marked s; sizes in bytes (docs/results.md).</p>\n");
        MetricTables.Write(html, run, prefix);
        OtherSections.WriteMisses(html, run, prefix);
        SeriesSection.Write(html, run, prefix);
        SeriesSection.WriteServers(html, run, prefix);
        MetricTables.WriteReplications(html, run, prefix);
        OtherSections.WriteScenario(html, run, prefix);
        OtherSections.WriteProvenance(html, run, prefix);
        html.Append("</section>\n");
    }
}
