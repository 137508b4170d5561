namespace ResumeSim.Bench.Queueing;

/// <summary>Service-time distribution of a <see cref="MultiServerQueue"/> (the "M" or "D" of Kendall's notation).</summary>
public enum ServiceTimeKind
{
    /// <summary>Exponential service (M/M/c).</summary>
    Exponential,

    /// <summary>Constant service (M/D/c).</summary>
    Deterministic,
}
