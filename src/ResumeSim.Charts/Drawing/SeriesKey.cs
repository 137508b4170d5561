using ResumeSim.Results;

namespace ResumeSim.Charts.Drawing;

/// <summary>
/// One line of a chart: a strategy, and the sweep coordinates that stay fixed along the line (all keys
/// but the plotted one for sweep charts, every key for time and latency charts).
/// </summary>
internal sealed record SeriesKey(string Strategy, SweepCells Fixed)
{
    /// <summary>For the legend: <c>ids-shared</c> or <c>ids-shared (clients.count=1000)</c>.</summary>
    public string Label => Fixed.Count == 0 ? Strategy : $"{Strategy} ({Fixed})";
}
