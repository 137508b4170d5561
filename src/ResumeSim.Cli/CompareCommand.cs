using System.CommandLine;
using ResumeSim.Results;
using ResumeSim.Results.Report;

namespace ResumeSim.Cli;

/// <summary>
/// <c>resumesim compare RUN_A RUN_B [--metrics a,b]</c>: the two runs' <c>summary_ci.csv</c> side by side,
/// B - A, and whether the difference lies outside both 95% intervals. Runs of different scenarios are
/// compared where strategy, sweep point and metric names match, and the output says so.
/// </summary>
internal static class CompareCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var a = new Argument<string>("RUN_A") { Description = "The first run folder (A)." };
        var b = new Argument<string>("RUN_B") { Description = "The second run folder (B)." };
        var metrics = new Option<string?>("--metrics") { Description = "Comma-separated summary.csv column names to show (default: every metric)." };
        var command = new Command("compare", "Compare two runs' metrics with their 95% confidence intervals.") { a, b, metrics };
        command.SetAction(parsed => Execute(parsed.GetValue(a)!, parsed.GetValue(b)!, parsed.GetValue(metrics), output, error));
        return command;
    }

    private static int Execute(string a, string b, string? metricList, TextWriter output, TextWriter error)
    {
        RunComparison comparison;
        try
        {
            comparison = RunComparison.Load(a, b);
        }
        catch (Exception ex) when (ex is ResultsFormatException or DirectoryNotFoundException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {ex.Message}");
            return ExitCodes.Usage;
        }

        HashSet<string>? metrics = null;
        if (metricList is not null)
        {
            metrics = [.. metricList.Split(',').Select(m => m.Trim()).Where(m => m.Length > 0)];
            var known = comparison.Rows.Select(r => r.Metric).ToHashSet();
            if (metrics.Where(m => !known.Contains(m)).ToList() is { Count: > 0 } unknown)
            {
                error.WriteLine($"error: --metrics: {string.Join(", ", unknown.Select(m => $"'{m}'"))} is not a metric both runs have; they have: {string.Join(", ", known)}");
                return ExitCodes.Usage;
            }
        }

        output.Write(comparison.ToText(metrics));
        return ExitCodes.Ok;
    }
}
