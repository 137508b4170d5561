using System.Globalization;

namespace ResumeSim.Cli;

/// <summary>How the console tables write numbers: invariant culture, enough digits for small loads to read.</summary>
internal static class ConsoleNumbers
{
    public static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>Three significant digits and at least one decimal, so a small load still reads (0.0412, 4.12, 412.0).</summary>
    public static string Significant(double value)
    {
        if (double.IsNaN(value) || value == 0)
        {
            return Number(value, "F1");
        }

        var decimals = Math.Clamp(2 - (int)Math.Floor(Math.Log10(Math.Abs(value))), 1, 9);
        return Number(value, "F" + decimals.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// A fraction as a percentage with three significant digits and at most three decimals (48.6%, 4.12%,
    /// 0.018%); below 0.001% it says so (&lt;0.001%) instead of rounding a real load to 0. Exactly 0 is 0%.
    /// </summary>
    public static string Percent(double fraction)
    {
        if (double.IsNaN(fraction))
        {
            return "NaN";
        }

        var percent = fraction * 100;
        if (percent == 0)
        {
            return "0%";
        }

        if (Math.Abs(percent) < 0.001)
        {
            return percent > 0 ? "<0.001%" : ">-0.001%";
        }

        var decimals = Math.Clamp(2 - (int)Math.Floor(Math.Log10(Math.Abs(percent))), 1, 3);
        return Number(percent, "F" + decimals.ToString(CultureInfo.InvariantCulture)) + "%";
    }

    public static string Bytes(double bytes) => bytes switch
    {
        >= 1 << 30 => (bytes / (1 << 30)).ToString("F1", CultureInfo.InvariantCulture) + " GiB",
        >= 1 << 20 => (bytes / (1 << 20)).ToString("F1", CultureInfo.InvariantCulture) + " MiB",
        >= 1 << 10 => (bytes / (1 << 10)).ToString("F1", CultureInfo.InvariantCulture) + " KiB",
        _ => bytes.ToString("F0", CultureInfo.InvariantCulture) + " B",
    };
}
