using ScottPlot;

namespace ResumeSim.Charts.Drawing;

/// <summary>One named chart of a run.</summary>
internal interface IRunChart
{
    /// <summary>The name in <c>output.charts</c> and the file name.</summary>
    string Name { get; }

    /// <summary>The chart, or null with the reason when the run has no data it could show.</summary>
    Plot? Build(RunData data, out string? skipReason);
}
