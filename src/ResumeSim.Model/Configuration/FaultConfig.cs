namespace ResumeSim.Model.Configuration;

/// <summary>Something that happens to the farm at a point of the measured period.</summary>
/// <param name="At">Time since the start of the measured period (after warm-up).</param>
/// <param name="Kind">What happens.</param>
/// <param name="Server">0-based server index (scenarios write 1-based <c>server-1</c>); -1 = the shared tier.</param>
public sealed record FaultConfig(TimeSpan At, FaultKind Kind, int Server)
{
    /// <summary>
    /// How long the fault lasts: a restarted server's downtime (0 = back at once), a failed cache
    /// node's or a key desync's window, a surge's length. <see cref="TimeSpan.MaxValue"/> = to the end.
    /// </summary>
    public TimeSpan Window { get; init; }

    /// <summary>0-based shared-cache node (scenarios write <c>cache-1</c>); -1 = every node.</summary>
    public int CacheNode { get; init; } = -1;

    /// <summary>Surge: the visit-rate multiplier.</summary>
    public double Multiplier { get; init; } = 1;

    /// <summary>Scale-out/in: how many servers join or leave.</summary>
    public int Count { get; init; }
}
