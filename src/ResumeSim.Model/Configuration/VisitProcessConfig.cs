namespace ResumeSim.Model.Configuration;

/// <summary>
/// How one client's visits follow each other (DESIGN.md section 4): the gap distribution, with mean
/// 1 / rate whatever its shape, and an optional diurnal curve applied by thinning.
/// </summary>
public sealed record VisitProcessConfig
{
    public static VisitProcessConfig Poisson { get; } = new();

    public VisitProcessKind Kind { get; init; } = VisitProcessKind.Poisson;

    /// <summary>Pareto shape alpha (&gt; 1).</summary>
    public double Shape { get; init; } = 1.5;

    /// <summary>Lognormal sigma of the underlying normal (&gt; 0).</summary>
    public double Sigma { get; init; } = 1.0;

    /// <summary>A 24-hour rate curve, or null for a constant rate.</summary>
    public DiurnalConfig? Diurnal { get; init; }
}
