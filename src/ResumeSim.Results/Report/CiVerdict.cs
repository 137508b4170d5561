namespace ResumeSim.Results.Report;

/// <summary>How a difference between two runs' means stands against their 95% confidence intervals.</summary>
public enum CiVerdict
{
    /// <summary>Each run's mean lies outside the other run's interval.</summary>
    OutsideBoth,

    /// <summary>At least one mean lies inside the other run's interval.</summary>
    WithinACi,

    /// <summary>A run has fewer than two replications with a value: no interval to judge by.</summary>
    NoInterval,

    /// <summary>A mean is NaN (the metric could not be computed).</summary>
    NotComputable,
}
