using ResumeSim.Results;
using ResumeSim.Scenarios;
using Spectre.Console;
using static ResumeSim.Cli.ConsoleNumbers;

namespace ResumeSim.Cli;

/// <summary>
/// The console report at the end of a run, means over replications: one line per strategy, or with a
/// sweep the pivot of one metric (<see cref="SweepTable"/>), so the table still fits a terminal.
/// </summary>
internal static class SummaryTable
{
    /// <summary>The metric a sweep table shows when <c>--metric</c> names none.</summary>
    public const string DefaultSweepMetric = "resumption_rate";

    public static void Write(TextWriter output, ScenarioPlan plan, IReadOnlyList<SummaryRow> rows, string sweepMetric = DefaultSweepMetric)
    {
        if (plan.SweepKeys.Count > 0)
        {
            SweepTable.Write(output, plan, rows, sweepMetric);
            return;
        }

        var console = Console(output, redirectedWidth: 240);
        var table = new Table().Title($"{plan.Base.Name}: means over {plan.Base.Replications} replication(s)");
        foreach (var header in new[] { "strategy", "conns", "resumed", "of offered", "hs p50 ms", "hs p99 ms", "page p99 ms", "cpu s", "hs cpu", "cpu mean", "cpu peak", "cores", "store peak", "tk rejected", "warm-up" })
        {
            table.AddColumn(new TableColumn(header).RightAligned());
        }

        foreach (var group in rows.GroupBy(r => r.Strategy))
        {
            var g = group.ToList();
            string[] cells =
            [
                group.Key,
                Number(g.Average(r => (double)r.Connections), "N0"),
                Percent(g.Average(r => r.ResumptionRate)),
                Percent(g.Average(r => r.ResumptionRateOffered)),
                Number(g.Average(r => r.HandshakeP50Ms), "F1"),
                Number(g.Average(r => r.HandshakeP99Ms), "F1"),
                Number(g.Average(r => r.PageP99Ms), "F1"),
                Significant(g.Average(r => r.CpuCoreSeconds)),
                Percent(g.Average(r => r.CpuHandshakeShare)),
                Percent(g.Average(r => r.CpuUtilMean)),
                Percent(g.Average(r => r.CpuUtilPeak)),
                $"{Significant(g.Max(r => r.CoresNeededFractional))} ({Number(g.Max(r => r.CoresNeeded), "N0")})",
                Bytes(g.Average(r => (double)r.StorePeakBytes)),
                Number(g.Average(r => (double)r.TicketsRejected), "N0"),
                Warmup(g),
            ];
            table.AddRow(cells.Select(c => new Markup(Markup.Escape(c))).ToArray());
        }

        console.Write(table);
        output.WriteLine("resumed: of all connections; of offered: of those that offered a session. cores: needed per server, unrounded (rounded up).");
    }

    /// <summary>A Spectre console on <paramref name="output"/>: the terminal's width on a terminal, else <paramref name="redirectedWidth"/>.</summary>
    public static IAnsiConsole Console(TextWriter output, int redirectedWidth)
    {
        var terminal = ReferenceEquals(output, System.Console.Out) && !System.Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ColorSystemSupport.Detect,
        });
        if (!terminal)
        {
            console.Profile.Width = redirectedWidth;
        }

        return console;
    }

    /// <summary>The mean warm-up, or what stops the figures from being the steady state (docs/steady-state.md).</summary>
    private static string Warmup(IReadOnlyList<SummaryRow> rows)
    {
        var minutes = Number(rows.Average(r => r.WarmupS) / 60, "0.#") + " min";
        return rows.Any(r => r.SteadyState == "too-short") ? "TOO SHORT"
            : rows.Any(r => r.SteadyState.StartsWith("drifting", StringComparison.Ordinal)) ? minutes + " DRIFTING"
            : minutes;
    }
}
