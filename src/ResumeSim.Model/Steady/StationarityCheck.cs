using MathNet.Numerics.Distributions;
using ResumeSim.Model.Runs;

namespace ResumeSim.Model.Steady;

/// <summary>
/// Does a measured window still trend? The window's first and last thirds are each cut into
/// <see cref="BatchesPerThird"/> batches; a metric drifts when the change from the first third's value to
/// the last's exceeds both the noise (a two-sample t test on the batch means: the change over its standard
/// error, from the variance of batches around their own third's mean, against Student's t at two-sided
/// level <see cref="Alpha"/>) and a floor below which no planner would care (<see cref="MinimumResumptionChange"/>,
/// <see cref="MinimumRelativeChange"/>). Batch means of a stationary series are close to independent and
/// normal when batches are long against the series' correlation time, which is what the t test needs;
/// a written warm-up that is long enough gives no warning (the tests hold both directions).
/// </summary>
public static class StationarityCheck
{
    /// <summary>Batches in each compared third.</summary>
    public const int BatchesPerThird = 5;

    /// <summary>Two-sided level of the t test: one false alarm in a thousand stationary metrics at most.</summary>
    public const double Alpha = 0.001;

    /// <summary>Smallest change of the resumption rate worth a warning: one percentage point.</summary>
    public const double MinimumResumptionChange = 0.01;

    /// <summary>Smallest change of CPU utilization or store entries worth a warning: 2% of the larger value.</summary>
    public const double MinimumRelativeChange = 0.02;

    /// <summary>Checks the first <paramref name="usable"/> buckets of <paramref name="series"/> (those before the first fault).</summary>
    public static StationarityResult Check(IReadOnlyList<TimeBucket> series, int usable)
    {
        ArgumentNullException.ThrowIfNull(series);
        var n = Math.Min(usable, series.Count);
        var size = n / 3 / BatchesPerThird;
        if (size == 0)
        {
            return StationarityResult.NotChecked;
        }

        var span = size * BatchesPerThird;
        var drifts = new List<DriftFinding>();
        foreach (var metric in SteadyMetrics.All)
        {
            if (Drift(series, metric, n - span, span, size) is { } finding)
            {
                drifts.Add(finding);
            }
        }

        return new StationarityResult(true, drifts);
    }

    private static DriftFinding? Drift(IReadOnlyList<TimeBucket> series, SteadyMetric metric, int lastStart, int span, int size)
    {
        var first = SteadyMetrics.Grouped(series, metric, 0, 1, span)[0];
        var last = SteadyMetrics.Grouped(series, metric, lastStart, 1, span)[0];
        var (ss1, n1) = SquaredDeviations(SteadyMetrics.Grouped(series, metric, 0, BatchesPerThird, size));
        var (ss2, n2) = SquaredDeviations(SteadyMetrics.Grouped(series, metric, lastStart, BatchesPerThird, size));
        var df = n1 + n2 - 2;
        if (double.IsNaN(first) || double.IsNaN(last) || n1 < 2 || n2 < 2)
        {
            return null;
        }

        var noise = Math.Sqrt((ss1 + ss2) / df * ((1.0 / n1) + (1.0 / n2)));
        var change = Math.Abs(last - first);
        var floor = metric == SteadyMetric.ResumptionRate
            ? MinimumResumptionChange
            : MinimumRelativeChange * Math.Max(Math.Abs(first), Math.Abs(last));
        var significant = change > StudentT.InvCDF(0, 1, df, 1 - (Alpha / 2)) * noise;
        return significant && change > floor ? new DriftFinding(metric, first, last, noise) : null;
    }

    /// <summary>Sum of squared deviations from their mean of the present (non-NaN) values, and their count.</summary>
    private static (double Sum, int Count) SquaredDeviations(double[] values)
    {
        double sum = 0;
        var count = 0;
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                sum += v;
                count++;
            }
        }

        var mean = count == 0 ? 0 : sum / count;
        double squares = 0;
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                squares += (v - mean) * (v - mean);
            }
        }

        return (squares, count);
    }
}
