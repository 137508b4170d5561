using ResumeSim.Charts.Charts;
using ResumeSim.Charts.Drawing;
using ResumeSim.Results;

namespace ResumeSim.Charts;

/// <summary>
/// Capacity-planning charts of a run (docs/charts.md), drawn from its result tables with ScottPlot as
/// <c>&lt;name&gt;.png</c> and/or <c>&lt;name&gt;.svg</c>, 1000 x 600 pixels, each with a title, a
/// provenance line, axis labels with units and a legend.
/// </summary>
public static class RunCharts
{
    private static readonly IRunChart[] All =
    [
        new ResumptionChart(),
        new LatencyCdfChart("latency-cdf", "handshake", "Handshake", "handshakes"),
        new LatencyCdfChart("page-cdf", "page", "Page-ready", "page visits"),
        new CpuChart(),
        new ServersCpuChart(),
        new CapacityChart(),
        new MemoryChart(),
        new ComparisonChart(),
        new TimelineChart(),
        new ResumptionTimeChart(),
    ];

    // ScottPlot keeps its font registry in static state; one chart at a time keeps concurrent callers
    // (parallel tests, a notebook) from racing on it. Drawing a chart takes tens of milliseconds.
    private static readonly Lock DrawLock = new();

    /// <summary>The chart names, as <c>output.charts</c> and <c>resumesim plot --charts</c> take them.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(c => c.Name).ToArray();

    /// <summary>
    /// Draws the named charts of <paramref name="run"/> into <paramref name="folder"/> (created if
    /// missing) and returns the files written. Charts the run has no data for are skipped.
    /// </summary>
    /// <exception cref="ArgumentException">A name is not in <see cref="Names"/>; the message lists the valid ones.</exception>
    /// <exception cref="InvalidOperationException">No font is available to draw text (see <see cref="ChartFonts"/>).</exception>
    public static IReadOnlyList<string> Draw(RunOutput run, string folder, IReadOnlyList<string> names, ChartFormat formats) =>
        Draw(run, folder, names, formats, out _);

    /// <summary>As <see cref="Draw(RunOutput, string, IReadOnlyList{string}, ChartFormat)"/>, also saying which charts were skipped and why.</summary>
    public static IReadOnlyList<string> Draw(RunOutput run, string folder, IReadOnlyList<string> names, ChartFormat formats, out IReadOnlyList<SkippedChart> skipped)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(names);
        if ((formats & ChartFormat.Both) == 0)
        {
            throw new ArgumentException($"No image format chosen: {formats}.", nameof(formats));
        }

        var charts = names.Select(Find).ToList();
        ChartFonts.EnsureAvailable();
        var data = new RunData(run);
        var written = new List<string>();
        var skips = new List<SkippedChart>();
        Directory.CreateDirectory(folder);
        lock (DrawLock)
        {
            foreach (var chart in charts)
            {
                using var plot = chart.Build(data, out var reason);
                if (plot is null)
                {
                    skips.Add(new SkippedChart(chart.Name, reason ?? "no data"));
                    continue;
                }

                ChartCanvas.Save(plot, folder, chart.Name, formats, written);
            }
        }

        skipped = skips;
        return written;
    }

    /// <summary>The names in <paramref name="names"/> that are not charts (empty when all are valid).</summary>
    public static IReadOnlyList<string> Unknown(IEnumerable<string> names) =>
        names.Where(n => !Names.Contains(n, StringComparer.Ordinal)).ToList();

    private static IRunChart Find(string name) =>
        All.FirstOrDefault(c => c.Name == name)
        ?? throw new ArgumentException($"'{name}' is not a chart; expected one of: {string.Join(", ", Names)}.", nameof(name));
}
