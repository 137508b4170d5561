using ResumeSim.Charts.Drawing;
using ScottPlot;

namespace ResumeSim.Charts.Charts;

/// <summary>
/// <c>capacity</c>: cores each server needs so the busiest server's busiest time bucket stays at or
/// below <c>output.target_utilization</c> (docs/model.md), per strategy against the first swept value
/// (the offered load when clients or visit rates are swept); bars per strategy without a sweep.
/// </summary>
internal sealed class CapacityChart : IRunChart
{
    public string Name => "capacity";

    public Plot? Build(RunData data, out string? skipReason)
    {
        if (data.Run.Summary.Count == 0)
        {
            skipReason = "summary.csv has no rows";
            return null;
        }

        if (data.Run.Summary.All(r => double.IsNaN(r.CoresNeeded)))
        {
            skipReason = "cores_needed is NaN in every row";
            return null;
        }

        skipReason = null;
        var axis = SweepAxis.Of(data);
        var title = axis is null ? "Cores needed per server, per strategy" : $"Cores needed per server vs {axis.Key}";
        return SweepMetricPlot.Draw(data, axis, "cores_needed", 1, title, "Cores per server to stay at target utilization", integerTicks: true);
    }
}
