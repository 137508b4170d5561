using ResumeSim.Model.Runs;

namespace ResumeSim.Model.Steady;

/// <summary>Names of the <see cref="SteadyMetric"/> series and how to read them from time buckets.</summary>
public static class SteadyMetrics
{
    public static readonly IReadOnlyList<SteadyMetric> All = [SteadyMetric.ResumptionRate, SteadyMetric.CpuUtilization, SteadyMetric.StoreEntries];

    /// <summary>The timeseries.csv column name.</summary>
    public static string Name(SteadyMetric metric) => metric switch
    {
        SteadyMetric.ResumptionRate => "resumption_rate",
        SteadyMetric.CpuUtilization => "cpu_util",
        _ => "store_entries",
    };

    /// <summary>
    /// One value per group of <paramref name="size"/> buckets from <paramref name="first"/>: resumption as
    /// resumed over connections of the group (NaN without connections), the others as the group's mean.
    /// </summary>
    public static double[] Grouped(IReadOnlyList<TimeBucket> buckets, SteadyMetric metric, int first, int groups, int size)
    {
        var values = new double[groups];
        for (var g = 0; g < groups; g++)
        {
            long resumed = 0;
            long connections = 0;
            double sum = 0;
            for (var i = 0; i < size; i++)
            {
                var b = buckets[first + (g * size) + i];
                resumed += b.Resumed;
                connections += b.Connections;
                sum += metric == SteadyMetric.CpuUtilization ? b.CpuUtilization : b.StoreEntries;
            }

            values[g] = metric switch
            {
                SteadyMetric.ResumptionRate => connections == 0 ? double.NaN : (double)resumed / connections,
                _ => sum / size,
            };
        }

        return values;
    }
}
