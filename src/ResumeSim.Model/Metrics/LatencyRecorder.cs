using HdrHistogram;

namespace ResumeSim.Model.Metrics;

/// <summary>
/// A latency distribution in microseconds (HdrHistogram, 3 significant digits, 1 us to 1 hour),
/// so percentiles up to p99.9 cost the same memory for a thousand samples or a billion.
/// </summary>
public sealed class LatencyRecorder
{
    private const long HighestMicros = 3_600_000_000;
    private readonly LongHistogram _histogram = new(1, HighestMicros, 3);
    private double _sumMicros;

    public long Count => _histogram.TotalCount;

    public double MeanMs => Count == 0 ? 0 : _sumMicros / Count / 1000.0;

    public void Record(long nanoseconds)
    {
        var micros = Math.Clamp((nanoseconds + 500) / 1000, 0, HighestMicros);
        _histogram.RecordValue(micros);
        _sumMicros += nanoseconds / 1000.0;
    }

    /// <summary>The value at a percentile (0..100) in milliseconds; 0 when nothing was recorded.</summary>
    public double PercentileMs(double percentile) =>
        Count == 0 ? 0 : _histogram.GetValueAtPercentile(percentile) / 1000.0;

    /// <summary>Non-empty buckets as (upper bound in ms, count), in increasing order.</summary>
    public IReadOnlyList<(double UpperMs, long Count)> Buckets()
    {
        var buckets = new List<(double, long)>();
        foreach (var value in _histogram.RecordedValues())
        {
            buckets.Add((_histogram.HighestEquivalentValue(value.ValueIteratedTo) / 1000.0, value.CountAddedInThisIterationStep));
        }

        return buckets;
    }
}
