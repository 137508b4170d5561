using ResumeSim.Results;
using ResumeSim.Scenarios;
using Spectre.Console;
using static ResumeSim.Cli.ConsoleNumbers;

namespace ResumeSim.Cli;

/// <summary>
/// A sweep's console table: one metric, sweep points as rows (one column per sweep key) and one column per
/// strategy, each cell the mean over replications and, with more than one, the half-width of its 95%
/// interval. One wide row per combination no longer fits a terminal; summary.csv keeps every metric.
/// </summary>
internal static class SweepTable
{
    /// <summary>The width the table is laid out for when the output is not a terminal.</summary>
    public const int Width = 120;

    public static void Write(TextWriter output, ScenarioPlan plan, IReadOnlyList<SummaryRow> rows, string metric)
    {
        var ci = ConfidenceIntervals.Summarize(rows).Where(r => r.Metric == metric).ToList();
        var strategies = ci.Select(r => r.Strategy).Distinct().ToList();
        var table = new Table();
        foreach (var key in plan.SweepKeys)
        {
            table.AddColumn(new TableColumn(key));
        }

        foreach (var strategy in strategies)
        {
            table.AddColumn(new TableColumn(strategy).RightAligned());
        }

        foreach (var point in plan.Points)
        {
            var cells = point.Values.Select(v => v.Value).ToList();
            foreach (var strategy in strategies)
            {
                var row = ci.FirstOrDefault(r => r.Strategy == strategy && SameSweep(r.Sweep, point.Values));
                cells.Add(row is null ? "" : Cell(metric, row));
            }

            table.AddRow(cells.Select(c => new Markup(Markup.Escape(c))).ToArray());
        }

        // The title as a line of its own: a table's title wraps to the table's width, narrow here.
        output.WriteLine($"{plan.Base.Name}: {metric} by sweep point and strategy, means over {plan.Base.Replications} replication(s)"
            + (plan.Base.Replications > 1 ? " ± the 95% interval's half-width" : ""));
        SummaryTable.Console(output, Width).Write(table);
        output.WriteLine("other metrics: --metric NAME (a summary.csv column); every metric and interval is in summary.csv and summary_ci.csv.");
    }

    /// <summary>The mean, and the 95% interval's half-width when there is one, in the metric's unit.</summary>
    private static string Cell(string metric, CiRow row)
    {
        var mean = Format(metric, row.Mean);
        return row.N > 1 && row.Ci95High > row.Ci95Low ? $"{mean} ±{Format(metric, (row.Ci95High - row.Ci95Low) / 2)}" : mean;
    }

    private static string Format(string metric, double value) =>
        SummaryMetrics.IsFraction(metric) ? Percent(value)
        : metric.EndsWith("_bytes", StringComparison.Ordinal) ? Bytes(value)
        : Math.Abs(value) >= 1000 ? Number(value, "N0")
        : Significant(value);

    private static bool SameSweep(IReadOnlyList<SweepCell> cells, IReadOnlyList<KeyValuePair<string, string>> values)
    {
        if (cells.Count != values.Count)
        {
            return false;
        }

        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i].Key != values[i].Key || cells[i].Value != values[i].Value)
            {
                return false;
            }
        }

        return true;
    }
}
