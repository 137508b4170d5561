using ResumeSim.Charts.Drawing;
using ScottPlot;

namespace ResumeSim.Charts.Charts;

/// <summary>
/// <c>cpu</c>: farm CPU utilization per time bucket, per strategy, averaged across replications bucket
/// by bucket (replications share their bucket grid). Shows the full-handshake storm after a restart
/// or cache flush (DESIGN.md section 4).
/// </summary>
internal sealed class CpuChart : IRunChart
{
    public string Name => "cpu";

    public Plot? Build(RunData data, out string? skipReason) =>
        TimeseriesPlot.Draw(
            data,
            r => r.CpuUtil,
            "timeseries.csv has no rows",
            out skipReason,
            _ => (100, "%"),
            "Farm CPU utilization over time",
            unit => $"CPU utilization of all server cores ({unit})");
}
