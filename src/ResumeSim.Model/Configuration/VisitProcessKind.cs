namespace ResumeSim.Model.Configuration;

/// <summary>The distribution of one client's gaps between visits; every kind keeps the mean gap 1 / rate.</summary>
public enum VisitProcessKind
{
    /// <summary>Exponential gaps: a Poisson process.</summary>
    Poisson,

    /// <summary>Pareto gaps (heavy tail; finite mean needs shape &gt; 1, finite variance shape &gt; 2).</summary>
    Pareto,

    /// <summary>Lognormal gaps with the given sigma of the underlying normal.</summary>
    LogNormal,
}
