using ResumeSim.Engine;
using ResumeSim.Model.Configuration;
using ResumeSim.Model.Runs;

namespace ResumeSim.Model.Steady;

/// <summary>
/// Finds a run's warm-up from a pilot (docs/steady-state.md): the pilot's series of resumption rate, CPU
/// utilization and store entries, in <see cref="PilotBuckets"/> buckets batched by 5, each cut by MSER-5
/// (<see cref="Mser"/>) and moved back over what changes the mean of the rest by less than a tolerance
/// (<see cref="Mser.BackOff"/>); the latest cut ends the transient, since the run is in steady state only
/// when all three are, and the warm-up is twice that (<see cref="WarmupDecision.Warmup"/>).
/// </summary>
public static class WarmupFinder
{
    /// <summary>
    /// Buckets the pilot is cut into, whatever its length or <c>output.bucket</c>: 200 MSER-5 batches, the
    /// series length for which <see cref="Mser"/>'s search was checked against false alarms.
    /// </summary>
    public const int PilotBuckets = 1000;

    /// <summary>A change of the resumption rate too small to simulate away: a tenth of a percentage point.</summary>
    public const double ResumptionTolerance = 0.001;

    /// <summary>A change of CPU utilization or store entries too small to simulate away: 0.2% of the level.</summary>
    public const double RelativeTolerance = 0.002;

    /// <summary>
    /// How far the mean after a cut may move before the cut matters (<see cref="Mser.BackOff"/>): a tenth of
    /// the drift check's floors (<see cref="StationarityCheck"/>), so that what is left is well below what the
    /// check would ever flag.
    /// </summary>
    public static double Tolerance(SteadyMetric metric, double level) =>
        metric == SteadyMetric.ResumptionRate ? ResumptionTolerance : RelativeTolerance * Math.Abs(double.IsNaN(level) ? 0 : level);

    /// <summary>The pilot of <paramref name="scenario"/>: from the same start (empty or stationary), no warm-up, no faults, <see cref="PilotBuckets"/> buckets.</summary>
    public static ScenarioConfig PilotOf(ScenarioConfig scenario, AutoWarmupConfig auto)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(auto);
        var length = auto.Max;
        return scenario with
        {
            Warmup = TimeSpan.Zero,
            AutoWarmup = null,
            Duration = length,

            // The timeline is laid out after the warm-up, which is what the pilot looks for; the
            // steady state sought is that of the undisturbed farm.
            Faults = [],
            Output = scenario.Output with { Bucket = SimTime.ToTimeSpan(BucketTicks(length)) },
        };
    }

    /// <summary>Width of a pilot bucket: 1/<see cref="PilotBuckets"/> of the pilot, whole milliseconds, at least 1 ms.</summary>
    public static long BucketTicks(TimeSpan pilotLength)
    {
        var ticks = SimTime.FromTimeSpan(pilotLength) / PilotBuckets;
        return Math.Max(SimTime.TicksPerMillisecond, ticks - (ticks % SimTime.TicksPerMillisecond));
    }

    /// <summary>MSER-5 on each metric of the pilot's <paramref name="series"/> (buckets of <paramref name="bucketTicks"/>).</summary>
    public static WarmupDecision Find(IReadOnlyList<TimeBucket> series, long bucketTicks, AutoWarmupConfig auto)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(auto);
        var batches = series.Count / Mser.BatchSize;
        var batchSeconds = SimTime.ToSeconds(bucketTicks * Mser.BatchSize);
        var cuts = new List<MetricCut>();
        foreach (var metric in SteadyMetrics.All)
        {
            var means = SteadyMetrics.Grouped(series, metric, 0, batches, Mser.BatchSize);
            var cut = Mser.Truncation(means);
            var settled = Mser.BackOff(means, cut, Tolerance(metric, Mser.MeanFrom(means, cut)));
            cuts.Add(new MetricCut(metric, settled * batchSeconds));
        }

        return new WarmupDecision(auto.Max.TotalSeconds, batchSeconds, cuts);
    }
}
