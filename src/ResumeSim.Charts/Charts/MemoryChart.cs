using ResumeSim.Charts.Drawing;
using ScottPlot;

namespace ResumeSim.Charts.Charts;

/// <summary>
/// <c>memory</c>: server-side session store memory (per-entry accounting, summed over stores). Against
/// <c>clients.count</c> (peak bytes, with 95% intervals) when that is swept, since that is the sizing
/// question; otherwise over time. Ticket strategies keep no store and show as zero.
/// </summary>
internal sealed class MemoryChart : IRunChart
{
    public const string ClientsKey = "clients.count";

    public string Name => "memory";

    public Plot? Build(RunData data, out string? skipReason)
    {
        if (data.Run.Summary.All(r => r.StorePeakBytes == 0) && data.Run.Timeseries.All(r => r.StoreBytes == 0))
        {
            skipReason = "no strategy keeps a server-side session store (store bytes are 0 in every row)";
            return null;
        }

        if (SweepAxis.Of(data, ClientsKey) is { IsNumeric: true } axis)
        {
            skipReason = null;
            var (divisor, unit) = AxisUnits.Bytes(data.Run.Summary.Max(r => (double)r.StorePeakBytes));
            return SweepMetricPlot.Draw(data, axis, "store_peak_bytes", 1 / divisor, "Peak session store memory vs clients", $"Peak session store memory ({unit})");
        }

        return TimeseriesPlot.Draw(
            data,
            r => r.StoreBytes,
            "timeseries.csv has no rows",
            out skipReason,
            max =>
            {
                var (divisor, unit) = AxisUnits.Bytes(max);
                return (1 / divisor, unit);
            },
            "Session store memory over time",
            unit => $"Session store memory, all stores ({unit})");
    }
}
