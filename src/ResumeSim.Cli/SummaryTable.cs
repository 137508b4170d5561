using System.Globalization;
using ResumeSim.Results;
using ResumeSim.Scenarios;
using Spectre.Console;

namespace ResumeSim.Cli;

/// <summary>The console report at the end of a run: one line per strategy (and sweep point), means over replications.</summary>
internal static class SummaryTable
{
    public static void Write(TextWriter output, ScenarioPlan plan, IReadOnlyList<SummaryRow> rows)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ColorSystemSupport.Detect,
        });
        if (!ReferenceEquals(output, Console.Out) || Console.IsOutputRedirected)
        {
            console.Profile.Width = 240;
        }

        var table = new Table().Title($"{plan.Base.Name}: means over {plan.Base.Replications} replication(s)");
        if (plan.SweepKeys.Count > 0)
        {
            table.AddColumn("sweep");
        }

        foreach (var header in new[] { "strategy", "conns", "resumed", "hs p50 ms", "hs p99 ms", "page p99 ms", "cpu s", "hs cpu", "cpu mean", "cpu peak", "cores", "store peak", "tk rejected", "warm-up" })
        {
            table.AddColumn(new TableColumn(header).RightAligned());
        }

        foreach (var group in rows.GroupBy(r => (Sweep: string.Join(", ", r.Sweep.Select(c => $"{c.Key}={c.Value}")), r.Strategy)))
        {
            var g = group.ToList();
            var cells = new List<string>();
            if (plan.SweepKeys.Count > 0)
            {
                cells.Add(group.Key.Sweep);
            }

            cells.Add(group.Key.Strategy);
            cells.Add(Number(g.Average(r => (double)r.Connections), "N0"));
            cells.Add(Number(g.Average(r => r.ResumptionRate), "P1"));
            cells.Add(Number(g.Average(r => r.HandshakeP50Ms), "F1"));
            cells.Add(Number(g.Average(r => r.HandshakeP99Ms), "F1"));
            cells.Add(Number(g.Average(r => r.PageP99Ms), "F1"));
            cells.Add(Significant(g.Average(r => r.CpuCoreSeconds)));
            cells.Add(Percent(g.Average(r => r.CpuHandshakeShare)));
            cells.Add(Percent(g.Average(r => r.CpuUtilMean)));
            cells.Add(Percent(g.Average(r => r.CpuUtilPeak)));
            cells.Add($"{Significant(g.Max(r => r.CoresNeededFractional))} ({Number(g.Max(r => (double)r.CoresNeeded), "N0")})");
            cells.Add(Bytes(g.Average(r => (double)r.StorePeakBytes)));
            cells.Add(Number(g.Average(r => (double)r.TicketsRejected), "N0"));
            cells.Add(Warmup(g));
            table.AddRow(cells.Select(c => new Markup(Markup.Escape(c))).ToArray());
        }

        console.Write(table);
    }

    /// <summary>The mean warm-up, or what stops the figures from being the steady state (docs/steady-state.md).</summary>
    private static string Warmup(IReadOnlyList<SummaryRow> rows)
    {
        var minutes = Number(rows.Average(r => r.WarmupS) / 60, "0.#") + " min";
        return rows.Any(r => r.SteadyState == "too-short") ? "TOO SHORT"
            : rows.Any(r => r.SteadyState.StartsWith("drifting", StringComparison.Ordinal)) ? minutes + " DRIFTING"
            : minutes;
    }

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>Three significant digits and at least one decimal, so a small load still reads (0.0412, 4.12, 412.0).</summary>
    private static string Significant(double value)
    {
        if (double.IsNaN(value) || value == 0)
        {
            return Number(value, "F1");
        }

        var decimals = Math.Clamp(2 - (int)Math.Floor(Math.Log10(Math.Abs(value))), 1, 9);
        return Number(value, "F" + decimals.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>A fraction as a percentage with three significant digits (0.0412%, 4.12%, 41.2%).</summary>
    private static string Percent(double fraction) => double.IsNaN(fraction) ? "NaN" : Significant(fraction * 100) + "%";

    private static string Bytes(double bytes) => bytes switch
    {
        >= 1 << 30 => (bytes / (1 << 30)).ToString("F1", CultureInfo.InvariantCulture) + " GiB",
        >= 1 << 20 => (bytes / (1 << 20)).ToString("F1", CultureInfo.InvariantCulture) + " MiB",
        >= 1 << 10 => (bytes / (1 << 10)).ToString("F1", CultureInfo.InvariantCulture) + " KiB",
        _ => bytes.ToString("F0", CultureInfo.InvariantCulture) + " B",
    };
}
