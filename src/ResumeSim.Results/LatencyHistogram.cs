namespace ResumeSim.Results;

/// <summary>Turns a histogram's (upper bound, count) buckets into <see cref="LatencyRow"/>s.</summary>
public static class LatencyHistogram
{
    /// <summary>The metric names that <c>latency.csv</c> uses.</summary>
    public static IReadOnlyList<string> Metrics { get; } = ["handshake", "page", "queue_wait"];

    /// <summary>
    /// One row per bucket, with the cumulative fraction of samples at or below each upper bound.
    /// Buckets must be in strictly increasing upper-bound order with non-negative counts, as an
    /// HdrHistogram iteration yields them; when every count is zero the fractions are 0.
    /// </summary>
    public static IReadOnlyList<LatencyRow> ToRows(
        string strategy,
        int replication,
        IReadOnlyList<SweepCell> sweep,
        string metric,
        IReadOnlyList<(double UpperMs, long Count)> buckets)
    {
        ArgumentException.ThrowIfNullOrEmpty(strategy);
        ArgumentException.ThrowIfNullOrEmpty(metric);
        ArgumentNullException.ThrowIfNull(buckets);

        long total = 0;
        for (var i = 0; i < buckets.Count; i++)
        {
            var (upper, count) = buckets[i];
            if (count < 0)
            {
                throw new ArgumentException($"Bucket {i} (upper {upper} ms) has a negative count {count}.", nameof(buckets));
            }

            if (double.IsNaN(upper) || (i > 0 && upper <= buckets[i - 1].UpperMs))
            {
                throw new ArgumentException(
                    $"Bucket {i} has upper bound {upper} ms; upper bounds must be numbers in strictly increasing order.",
                    nameof(buckets));
            }

            total = checked(total + count);
        }

        var cells = SweepCells.From(sweep);
        var rows = new LatencyRow[buckets.Count];
        long running = 0;
        for (var i = 0; i < buckets.Count; i++)
        {
            running += buckets[i].Count;
            // The last bucket is exactly 1, not a sum of rounded fractions.
            var fraction = total == 0 ? 0.0 : (double)running / total;
            rows[i] = new LatencyRow(strategy, replication, metric, buckets[i].UpperMs, buckets[i].Count, fraction) { Sweep = cells };
        }

        return rows;
    }
}
