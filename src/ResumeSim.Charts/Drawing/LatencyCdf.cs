using ResumeSim.Results;

namespace ResumeSim.Charts.Drawing;

/// <summary>
/// An empirical CDF from <c>latency.csv</c> histogram buckets. Replications are merged by summing the
/// counts of equal bucket bounds (HdrHistogram buckets of one configuration share their bounds), which
/// weighs every sample equally, unlike averaging per-replication CDFs.
/// </summary>
internal static class LatencyCdf
{
    /// <summary>
    /// (upper bound in ms, cumulative fraction) from the first bucket holding samples to the first at
    /// which all samples are counted, with a (bound of the empty bucket before, 0) start when there is
    /// one. Empty when the rows hold no samples.
    /// </summary>
    public static IReadOnlyList<(double UpperMs, double Fraction)> Merge(IEnumerable<LatencyRow> rows)
    {
        var counts = new SortedDictionary<double, long>();
        foreach (var row in rows)
        {
            counts[row.UpperMs] = counts.GetValueOrDefault(row.UpperMs) + row.Count;
        }

        var total = counts.Values.Sum();
        var result = new List<(double, double)>();
        if (total == 0)
        {
            return result;
        }

        long running = 0;
        double? previousBound = null;
        foreach (var (upper, count) in counts)
        {
            if (running == 0 && count == 0)
            {
                previousBound = upper;
                continue;
            }

            if (running == 0 && previousBound is { } start)
            {
                result.Add((start, 0.0));
            }

            running += count;
            result.Add((upper, (double)running / total));
            if (running == total)
            {
                break;
            }
        }

        return result;
    }
}
