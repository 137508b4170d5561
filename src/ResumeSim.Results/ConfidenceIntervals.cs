using MathNet.Numerics.Distributions;
using ResumeSim.Results.Csv;

namespace ResumeSim.Results;

/// <summary>
/// Means and 95% confidence intervals across replications. Replications are independent runs
/// (different seeds), so each metric's per-replication values are a sample of size n and the
/// interval is the textbook Student-t one: mean +/- t(0.975, n-1) * s / sqrt(n), where s is the
/// sample standard deviation (denominator n-1).
/// </summary>
public static class ConfidenceIntervals
{
    /// <summary>
    /// One <see cref="CiRow"/> per strategy x sweep point x numeric summary column, groups in order of
    /// first appearance and metrics in <c>summary.csv</c> column order. NaN values (a metric that could
    /// not be computed in a replication) are left out of that metric's sample, so <see cref="CiRow.N"/>
    /// counts the replications that had a value; with n = 0 mean, stddev and bounds are NaN.
    /// </summary>
    public static IReadOnlyList<CiRow> Summarize(IReadOnlyList<SummaryRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var groups = new Dictionary<(string Strategy, SweepCells Sweep), List<SummaryRow>>();
        var order = new List<(string Strategy, SweepCells Sweep)>();
        foreach (var row in rows)
        {
            var key = (row.Strategy, SweepCells.From(row.Sweep));
            if (!groups.TryGetValue(key, out var members))
            {
                members = [];
                groups.Add(key, members);
                order.Add(key);
            }

            members.Add(row);
        }

        var result = new List<CiRow>(order.Count * SummaryCsv.Metrics.Length);
        var sample = new List<double>();
        foreach (var key in order)
        {
            var members = groups[key];
            foreach (var metric in SummaryCsv.Metrics)
            {
                sample.Clear();
                foreach (var row in members)
                {
                    var value = metric.Value(row);
                    if (!double.IsNaN(value))
                    {
                        sample.Add(value);
                    }
                }

                var (mean, sd, lo, hi) = sample.Count == 0
                    ? (double.NaN, double.NaN, double.NaN, double.NaN)
                    : MeanCi95(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(sample));
                result.Add(new CiRow(key.Strategy, key.Sweep, metric.Name, sample.Count, mean, sd, lo, hi));
            }
        }

        return result;
    }

    /// <summary>
    /// Sample mean, sample standard deviation and the two-sided 95% Student-t interval of
    /// <paramref name="xs"/>. With one value there is no spread to estimate: sd is 0 and both
    /// bounds equal the mean (read it as "no interval", not as certainty).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="xs"/> is empty.</exception>
    public static (double mean, double sd, double lo, double hi) MeanCi95(ReadOnlySpan<double> xs)
    {
        if (xs.IsEmpty)
        {
            throw new ArgumentException("A confidence interval needs at least one value.", nameof(xs));
        }

        // Two passes: the mean first, then squared deviations from it, which loses less precision
        // than the sum-of-squares shortcut when values are large and close together.
        var sum = 0.0;
        foreach (var x in xs)
        {
            sum += x;
        }

        var n = xs.Length;
        var mean = sum / n;
        if (n == 1)
        {
            return (mean, 0.0, mean, mean);
        }

        var squares = 0.0;
        foreach (var x in xs)
        {
            var d = x - mean;
            squares += d * d;
        }

        var sd = Math.Sqrt(squares / (n - 1));
        var t = StudentT.InvCDF(0.0, 1.0, n - 1, 0.975);
        var half = t * sd / Math.Sqrt(n);
        return (mean, sd, mean - half, mean + half);
    }
}
