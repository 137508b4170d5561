namespace ResumeSim.Model.Configuration;

/// <summary>What a run records beyond the summary.</summary>
public sealed record OutputConfig
{
    /// <summary>Width of a time-series bucket in simulated time.</summary>
    public TimeSpan Bucket { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Chart names to draw at the end of a run.</summary>
    public IReadOnlyList<string> Charts { get; init; } = [];

    /// <summary>
    /// CPU utilization a server may reach in its busiest bucket; <c>cores_needed</c> is the fewest
    /// cores per server that keep every server at or below it (<c>output.target_utilization</c>).
    /// </summary>
    public double TargetUtilization { get; init; } = 0.75;

    /// <summary>
    /// When set, <c>cores_needed</c> also keeps the approximate 99th percentile of the wait for a core
    /// at or below this (<c>output.target_queue_wait_p99</c>).
    /// </summary>
    public TimeSpan? TargetQueueWaitP99 { get; init; }
}
