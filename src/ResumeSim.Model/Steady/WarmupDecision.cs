namespace ResumeSim.Model.Steady;

/// <summary>
/// What <c>warmup: auto</c> found for one strategy in one replication: MSER-5's truncation point on
/// each <see cref="SteadyMetric"/> of the pilot, the latest of them, and the warm-up used.
/// </summary>
/// <param name="PilotSeconds">Length of the pilot run (simulated seconds): <c>warmup: {auto: MAX}</c>'s MAX.</param>
/// <param name="BatchSeconds">Simulated time of one MSER-5 batch (5 pilot buckets): the resolution of a truncation point.</param>
/// <param name="Cuts">MSER-5's truncation point per metric, seconds, in <see cref="SteadyMetrics.All"/> order.</param>
public sealed record WarmupDecision(double PilotSeconds, double BatchSeconds, IReadOnlyList<MetricCut> Cuts)
{
    /// <summary>The latest truncation point over the metrics: the transient has ended in all of them only after it.</summary>
    public double FoundSeconds => Cuts.Max(c => c.Seconds);

    /// <summary>The metric whose transient lasted longest (the first such in <see cref="SteadyMetrics.All"/> order).</summary>
    public SteadyMetric DecidingMetric => Cuts.First(c => c.Seconds == FoundSeconds).Metric;

    /// <summary>
    /// MSER-5 put the end of the transient in the pilot's second half, where White, Cobb and Spratt (2000)
    /// do not trust it: the pilot, and so the run, is too short to reach steady state.
    /// </summary>
    public bool TooShort => FoundSeconds > PilotSeconds / 2;

    /// <summary>
    /// The warm-up the measured run uses: twice the truncation point, in whole seconds (rounded up), at most
    /// the pilot's length; the pilot's whole length when too short. Measuring from the truncation point itself
    /// would start the window where what is left of the transient is largest: MSER-5 minimises the error of
    /// the mean of everything after its point, and a tail too small to matter over the rest of a long pilot
    /// still biases a short window right after it (docs/steady-state.md measures it).
    /// </summary>
    public TimeSpan Warmup => TimeSpan.FromSeconds(TooShort ? PilotSeconds : Math.Min(Math.Ceiling(2 * FoundSeconds), PilotSeconds));
}
