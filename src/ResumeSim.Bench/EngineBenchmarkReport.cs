using System.Globalization;
using System.Text;

namespace ResumeSim.Bench;

/// <summary>Everything <see cref="EngineBenchmark.Run"/> measured, with the machine it ran on.</summary>
/// <param name="Machine">CPU, cores, OS and runtime.</param>
/// <param name="Options">The options used.</param>
/// <param name="Hold">Hold-model results, by population then queue.</param>
/// <param name="Mmc">M/M/c results, one per queue.</param>
/// <param name="RngBaselineNsPerDraw">Cost of the exponential draw alone, included in every ns/hold.</param>
public sealed record EngineBenchmarkReport(
    string Machine, EngineBenchmarkOptions Options, IReadOnlyList<HoldMeasurement> Hold, IReadOnlyList<MmcMeasurement> Mmc,
    double RngBaselineNsPerDraw)
{
    /// <summary>Markdown tables, as pasted into docs/performance.md.</summary>
    public string ToMarkdown()
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(c, $"Machine: {Machine}");
        sb.AppendLine(c, $"Repetitions: {Options.Repetitions} (median shown), seed {Options.Seed}, quick = {Options.Quick}");
        sb.AppendLine();
        sb.AppendLine("Hold model (dequeue the earliest event, enqueue one at now + Exp(1)):");
        sb.AppendLine();
        sb.AppendLine("| pending | queue | timed holds | ns/hold (median) | min | max | fill s | vs PriorityQueue |");
        sb.AppendLine("|--:|:--|--:|--:|--:|--:|--:|--:|");
        foreach (var h in Hold)
        {
            sb.AppendLine(c, $"| {h.Pending:N0} | {h.Queue} | {h.Holds:N0} | {h.MedianNsPerHold:F1} | {h.MinNsPerHold:F1} | {h.MaxNsPerHold:F1} | {h.MedianFillSeconds:F2} | {h.RatioToPriorityQueue:F2} |");
        }

        sb.AppendLine();
        sb.AppendLine(c, $"The exponential draw alone costs {RngBaselineNsPerDraw:F1} ns and is included in every ns/hold.");
        sb.AppendLine();
        sb.AppendLine("M/M/c, c = 8, utilisation 0.8, mean service 1 ms, on Simulation and as a direct loop over the queue (no engine):");
        sb.AppendLine();
        sb.AppendLine("| queue | on | customers | events | wall s (median) | ns/event | events/s | mean wait ms | Erlang C ms |");
        sb.AppendLine("|:--|:--|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var m in Mmc)
        {
            sb.AppendLine(c, $"| {m.Queue} | {(m.OnSimulation ? "Simulation" : "direct loop")} | {m.Customers:N0} | {m.Events:N0} | {m.MedianSeconds:F2} | {m.MedianNsPerEvent:F1} | {m.EventsPerSecond:N0} | {m.MeanWaitMs:F4} | {m.ErlangCWaitMs:F4} |");
        }

        return sb.ToString();
    }
}
