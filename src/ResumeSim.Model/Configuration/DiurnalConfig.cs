namespace ResumeSim.Model.Configuration;

/// <summary>
/// A 24-hour rate curve multiplying every client's visit rate, with mean 1 over the day so the mean
/// rate stays <c>visits.rate</c>. Simulated time 0 is midnight. Either a sinusoid
/// 1 + amplitude * cos(2 pi (hour - peak) / 24), or a table of 24 hourly factors (scaled to mean 1).
/// </summary>
public sealed record DiurnalConfig
{
    /// <summary>0 &lt;= amplitude &lt;= 1 (1: the trough has no visits at all).</summary>
    public double Amplitude { get; init; }

    /// <summary>Hour of the day with the most visits, 0 &lt;= peak &lt; 24.</summary>
    public double PeakHour { get; init; }

    /// <summary>24 hourly factors with mean 1, or null for the sinusoid.</summary>
    public IReadOnlyList<double>? Hourly { get; init; }

    /// <summary>The largest factor over the day (the thinning bound).</summary>
    public double Max
    {
        get
        {
            if (Hourly is null)
            {
                return 1 + Amplitude;
            }

            var max = 0.0;
            foreach (var f in Hourly)
            {
                max = Math.Max(max, f);
            }

            return max;
        }
    }

    /// <summary>The factor at <paramref name="secondsOfDay"/> seconds after midnight.</summary>
    public double Factor(double secondsOfDay)
    {
        var hour = secondsOfDay / 3600.0;
        return Hourly is { } table
            ? table[Math.Clamp((int)hour, 0, 23)]
            : 1 + (Amplitude * Math.Cos(2 * Math.PI * (hour - PeakHour) / 24.0));
    }

    /// <summary>A table scaled to mean 1 (the scenario may write any positive numbers, e.g. visits per hour).</summary>
    public static DiurnalConfig FromTable(IReadOnlyList<double> hourly)
    {
        ArgumentNullException.ThrowIfNull(hourly);
        if (hourly.Count != 24)
        {
            throw new ArgumentException($"a diurnal table needs 24 hourly values, got {hourly.Count}", nameof(hourly));
        }

        var mean = hourly.Average();
        if (!(mean > 0) || hourly.Any(v => v < 0 || double.IsNaN(v)))
        {
            throw new ArgumentException("a diurnal table needs values >= 0 and at least one > 0", nameof(hourly));
        }

        return new DiurnalConfig { Hourly = hourly.Select(v => v / mean).ToArray() };
    }
}
