using System.CommandLine;
using ResumeSim.Charts;
using ResumeSim.Results;

namespace ResumeSim.Cli;

/// <summary>
/// <c>resumesim plot RESULTS_DIR [--charts a,b] [--format png|svg|both]</c>: (re)draws a finished run's
/// charts into <c>RESULTS_DIR/charts</c>, replacing that folder only once every chart is drawn.
/// </summary>
internal static class PlotCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var folder = new Argument<string>("RESULTS_DIR") { Description = "A run folder (results/<scenario>/<run-id>)." };
        var charts = new Option<string?>("--charts") { Description = $"Comma-separated chart names (default: every chart the run has data for): {string.Join(", ", RunCharts.Names)}." };
        var format = new Option<string>("--format") { Description = "Image files to write.", DefaultValueFactory = _ => "both" };
        format.AcceptOnlyFromAmong("png", "svg", "both");
        var command = new Command("plot", "Draw a run's charts (PNG and SVG) into RESULTS_DIR/charts.") { folder, charts, format };
        command.SetAction(parsed => Execute(parsed.GetValue(folder)!, parsed.GetValue(charts), parsed.GetValue(format)!, output, error));
        return command;
    }

    /// <summary>The names a <c>--charts</c> value or an <c>output.charts</c> list asks for; every chart when empty.</summary>
    public static IReadOnlyList<string> Requested(IEnumerable<string> names)
    {
        var list = names.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct().ToList();
        return list.Count == 0 ? RunCharts.Names : list;
    }

    /// <summary>Prints why charts were not drawn (for example no latency samples), one line each.</summary>
    public static void ReportSkipped(IReadOnlyList<SkippedChart> skipped, TextWriter output)
    {
        foreach (var skip in skipped)
        {
            output.WriteLine($"chart '{skip.Name}' not drawn: {skip.Reason}");
        }
    }

    private static int Execute(string folder, string? chartList, string format, TextWriter output, TextWriter error)
    {
        var names = Requested((chartList ?? "").Split(','));
        var unknown = RunCharts.Unknown(names);
        if (unknown.Count > 0)
        {
            error.WriteLine($"error: unknown chart {string.Join(", ", unknown.Select(n => $"'{n}'"))}; expected one of: {string.Join(", ", RunCharts.Names)}");
            return ExitCodes.Usage;
        }

        RunOutput run;
        try
        {
            if (!File.Exists(Path.Combine(folder, RunFiles.Manifest)) && Directory.Exists(folder))
            {
                error.WriteLine($"error: '{folder}' is not a finished run folder: {RunFiles.Manifest} is missing.");
                return ExitCodes.Usage;
            }

            run = RunReader.Read(folder);
        }
        catch (Exception ex) when (ex is ResultsFormatException or DirectoryNotFoundException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {ex.Message}");
            return ExitCodes.Usage;
        }

        // The run folder is read-only on some shared result stores; say so before drawing.
        if (OutputLocation.CheckFolder(folder) is { } problem)
        {
            error.WriteLine($"error: cannot draw charts into '{folder}': {problem}; nothing was drawn");
            return ExitCodes.Usage;
        }

        var formats = format switch { "png" => ChartFormat.Png, "svg" => ChartFormat.Svg, _ => ChartFormat.Both };
        var final = Path.Combine(folder, "charts");
        var temp = Path.Combine(folder, ".charts.tmp");
        try
        {
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, recursive: true); // left by a killed plot; this command owns the name
            }

            var files = RunCharts.Draw(run, temp, names, formats, out var skipped);
            Replace(temp, final);
            ReportSkipped(skipped, output);
            output.WriteLine($"{files.Count} chart file(s) in {final}");
            return ExitCodes.Ok;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            TryDelete(temp);
            error.WriteLine($"error: could not draw charts into '{final}': {ex.Message}");
            return ExitCodes.Failed;
        }
    }

    /// <summary>Swaps the new charts folder in by renames: <c>charts</c> holds the old set or the new one (or, for an instant, none), never a mix.</summary>
    private static void Replace(string temp, string final)
    {
        if (!Directory.Exists(final))
        {
            Directory.Move(temp, final);
            return;
        }

        var old = final + ".old";
        TryDelete(old);
        Directory.Move(final, old);
        Directory.Move(temp, final);
        TryDelete(old);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
