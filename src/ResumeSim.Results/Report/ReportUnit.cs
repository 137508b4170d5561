namespace ResumeSim.Results.Report;

/// <summary>How a report shows a metric's values: the unit its column name carries (docs/results.md).</summary>
public enum ReportUnit
{
    /// <summary>Counts and other plain numbers.</summary>
    Count,

    /// <summary>Rates, shares and utilizations (0..1), shown as percentages.</summary>
    Fraction,

    /// <summary>Milliseconds.</summary>
    Milliseconds,

    /// <summary>Seconds.</summary>
    Seconds,

    /// <summary>Bytes.</summary>
    Bytes,

    /// <summary>Cores per server.</summary>
    Cores,
}
