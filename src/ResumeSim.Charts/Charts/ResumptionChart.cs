using ResumeSim.Charts.Drawing;
using ScottPlot;

namespace ResumeSim.Charts.Charts;

/// <summary>
/// <c>resumption</c>: resumption rate (resumed / all connections, DESIGN.md section 6) per strategy
/// against the first swept value, with 95% intervals; bars per strategy without a sweep.
/// </summary>
internal sealed class ResumptionChart : IRunChart
{
    public string Name => "resumption";

    public Plot? Build(RunData data, out string? skipReason)
    {
        if (data.Run.Summary.Count == 0)
        {
            skipReason = "summary.csv has no rows";
            return null;
        }

        skipReason = null;
        var axis = SweepAxis.Of(data);
        var title = axis is null ? "Resumption rate per strategy" : $"Resumption rate vs {axis.Key}";
        return SweepMetricPlot.Draw(data, axis, "resumption_rate", 100, title, "Resumption rate (% of connections)");
    }
}
