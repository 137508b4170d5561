namespace ResumeSim.Model.Steady;

/// <summary>
/// A metric whose measured window still trends: its value over the window's first third, over its last
/// third, and the standard error of that difference under stationarity.
/// </summary>
public sealed record DriftFinding(SteadyMetric Metric, double First, double Last, double Noise)
{
    public double Change => Last - First;

    /// <summary>How many standard errors the change is (infinite when the series had no noise at all).</summary>
    public double NoiseMultiple => Noise == 0 ? double.PositiveInfinity : Math.Abs(Change) / Noise;
}
