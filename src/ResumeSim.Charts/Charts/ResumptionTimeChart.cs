using ResumeSim.Charts.Drawing;
using ScottPlot;

namespace ResumeSim.Charts.Charts;

/// <summary>
/// <c>resumption-time</c>: the resumption rate per time bucket, per strategy (mean across replications). Flat
/// in steady state; falling or rising while an initial transient lasts, as the stale-session effect does
/// for an hour after an empty start (docs/steady-state.md), and dipping after a restart or a flush.
/// </summary>
internal sealed class ResumptionTimeChart : IRunChart
{
    public string Name => "resumption-time";

    public Plot? Build(RunData data, out string? skipReason) =>
        TimeseriesPlot.Draw(
            data,
            r => r.Connections == 0 ? double.NaN : r.ResumptionRate,
            "timeseries.csv has no rows",
            out skipReason,
            _ => (100, "%"),
            "Resumption rate over time",
            _ => "Resumption rate (% of connections in the bucket)");
}
