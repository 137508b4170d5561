namespace ResumeSim.Model.Metrics;

/// <summary>Count, sum and sum of squares of service times (ns), enough for a mean and a squared coefficient of variation.</summary>
/// <remarks>
/// Both sums are exact integers, so they do not depend on the order of <see cref="Add"/>: services are
/// counted when they start, and two runs that start the same services in a different order (equal
/// times) give the same moments. A double sum of squares rounds once it passes 2^53 (a few hundred
/// thousand 100 us services).
/// </remarks>
internal struct ServiceMoments
{
    public long Count;
    public long Sum;
    public UInt128 SumOfSquares;

    public void Add(long duration)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(duration);
        Count++;
        Sum += duration;
        SumOfSquares += (UInt128)(ulong)duration * (ulong)duration;
    }

    public readonly double Mean => Count == 0 ? 0 : (double)Sum / Count;

    /// <summary>Variance over the squared mean; 0 for identical service times.</summary>
    public readonly double SquaredCoefficientOfVariation =>
        Count == 0 || Sum == 0 ? 0 : Math.Max(0, ((double)SumOfSquares / Count) - (Mean * Mean)) / (Mean * Mean);
}
