using System.Globalization;

namespace ResumeSim.Results.Report;

/// <summary>
/// Numbers as the report and <c>compare</c> print them: four significant digits (all integer digits
/// from 1000 up, grouped by commas), fractions as percentages; <c>NaN</c> as written in the tables.
/// The exact value travels beside the text (<see cref="Exact"/>) so nothing is lost to rounding.
/// </summary>
public static class ReportFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The value in the unit's display form, for example <c>77.03%</c>, <c>12.13</c>, <c>1,920,000</c>.</summary>
    public static string Display(double value, ReportUnit unit) => unit == ReportUnit.Fraction && double.IsFinite(value)
        ? Number(value * 100) + "%"
        : Number(value);

    /// <summary>A signed difference in the unit's display form (<c>+1.5</c>; fractions in percentage points, <c>-0.2 pp</c>).</summary>
    public static string Difference(double value, ReportUnit unit)
    {
        var text = unit == ReportUnit.Fraction && double.IsFinite(value) ? Number(value * 100) + " pp" : Number(value);
        return value > 0 ? "+" + text : text;
    }

    /// <summary>Four significant digits; every integer digit (grouped) from 1000 up; no exponent above 1e-6.</summary>
    public static string Number(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        var magnitude = Math.Abs(value);
        if (magnitude >= 1000)
        {
            return value.ToString("#,0", Invariant);
        }

        if (magnitude == 0)
        {
            return "0";
        }

        if (magnitude < 1e-6)
        {
            return value.ToString("G3", Invariant);
        }

        var integerDigits = (int)Math.Floor(Math.Log10(magnitude)) + 1;
        var decimals = Math.Clamp(4 - integerDigits, 0, 9);
        var text = Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("0." + new string('#', decimals), Invariant);
        return text == "-0" ? "0" : text;
    }

    /// <summary>The shortest text that reads back to the same double, as in the CSV files.</summary>
    public static string Exact(double value) => value.ToString("R", Invariant);
}
