namespace ResumeSim.Tls;

/// <summary>
/// How long master secrets stayed in a server's memory: the forward-secrecy cost of a session store
/// (whoever reads the memory can decrypt those recorded sessions). Sessions counted, the sum and the
/// longest of their times in memory, in ns.
/// </summary>
public readonly record struct ExposureTally(long Sessions, double SumNs, long MaxNs)
{
    /// <summary>Mean time in memory, in seconds; NaN when no session was counted.</summary>
    public double MeanSeconds => Sessions == 0 ? double.NaN : SumNs / Sessions / Nanoseconds.PerSecond;

    /// <summary>Longest time in memory, in seconds; NaN when no session was counted.</summary>
    public double MaxSeconds => Sessions == 0 ? double.NaN : (double)MaxNs / Nanoseconds.PerSecond;

    /// <summary>This tally with one more session that was held <paramref name="heldNs"/>.</summary>
    public ExposureTally Add(long heldNs) => new(Sessions + 1, SumNs + heldNs, Math.Max(MaxNs, heldNs));

    /// <summary>Both tallies together.</summary>
    public ExposureTally Merge(ExposureTally other) =>
        new(Sessions + other.Sessions, SumNs + other.SumNs, Math.Max(MaxNs, other.MaxNs));
}
