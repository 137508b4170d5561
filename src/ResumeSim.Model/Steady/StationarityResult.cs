namespace ResumeSim.Model.Steady;

/// <summary>What <see cref="StationarityCheck"/> found in one measured window.</summary>
/// <param name="Checked">False when the window (up to its first fault) was too short to split into thirds of batches.</param>
/// <param name="Drifts">The metrics that still trend, in <see cref="SteadyMetrics.All"/> order; empty when stationary.</param>
public sealed record StationarityResult(bool Checked, IReadOnlyList<DriftFinding> Drifts)
{
    public static readonly StationarityResult NotChecked = new(false, []);
}
