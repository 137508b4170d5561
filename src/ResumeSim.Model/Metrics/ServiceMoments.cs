namespace ResumeSim.Model.Metrics;

/// <summary>Count, sum and sum of squares of service times (ns), enough for a mean and a squared coefficient of variation.</summary>
internal struct ServiceMoments
{
    public long Count;
    public double Sum;
    public double SumOfSquares;

    public void Add(long duration)
    {
        Count++;
        Sum += duration;
        SumOfSquares += (double)duration * duration;
    }

    public readonly double Mean => Count == 0 ? 0 : Sum / Count;

    /// <summary>Variance over the squared mean; 0 for identical service times.</summary>
    public readonly double SquaredCoefficientOfVariation =>
        Count == 0 || Sum == 0 ? 0 : Math.Max(0, (SumOfSquares / Count) - (Mean * Mean)) / (Mean * Mean);
}
