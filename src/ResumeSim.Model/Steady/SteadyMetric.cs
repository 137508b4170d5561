namespace ResumeSim.Model.Steady;

/// <summary>The time series the warm-up search and the stationarity check look at (timeseries.csv names).</summary>
public enum SteadyMetric
{
    /// <summary><c>resumption_rate</c>: resumed over all connections, as a ratio of sums per batch.</summary>
    ResumptionRate,

    /// <summary><c>cpu_util</c>: farm CPU utilization.</summary>
    CpuUtilization,

    /// <summary><c>store_entries</c>: session-store entries at bucket ends.</summary>
    StoreEntries,
}
