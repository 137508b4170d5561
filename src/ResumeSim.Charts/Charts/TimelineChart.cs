using ResumeSim.Charts.Drawing;
using ScottPlot;

namespace ResumeSim.Charts.Charts;

/// <summary>
/// <c>timeline</c>: full handshakes per time bucket, per strategy (mean across replications). After
/// a restart, a cache flush or a failed cache node, clients that held a session come back at their
/// own pace and each does a full handshake: the storm this draws is what drives the CPU spike the
/// <c>cpu</c> chart shows (docs/farm.md).
/// </summary>
internal sealed class TimelineChart : IRunChart
{
    public string Name => "timeline";

    public Plot? Build(RunData data, out string? skipReason) =>
        TimeseriesPlot.Draw(
            data,
            r => r.Full,
            "timeseries.csv has no rows",
            out skipReason,
            _ => (1, "per bucket"),
            "Full handshakes over time",
            unit => $"Full handshakes ({unit})");
}
