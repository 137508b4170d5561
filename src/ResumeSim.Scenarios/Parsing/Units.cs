using System.Globalization;
using System.Text.RegularExpressions;

namespace ResumeSim.Scenarios.Parsing;

/// <summary>
/// Units as people write them in configs: durations <c>250us 40ms 5s 5m 1h 7d</c>, sizes
/// <c>384B 10KB 10MB 1GB</c> (1024-based, as nginx reads <c>shared:SSL:10m</c>; KiB/MiB/GiB mean the
/// same) and rates <c>4/h 10/s 0.5/min</c>. Pure functions: no culture, no clock.
/// </summary>
internal static partial class Units
{
    public const string DurationForm = "a number with a unit us, ms, s, m, h or d (e.g. 250us, 40ms, 5m, 1h), or 0";
    public const string SizeForm = "a number with a unit B, KB, MB, GB (1024-based; KiB, MiB, GiB the same), e.g. 384B or 10MB";
    public const string RateForm = "a number per unit of time, e.g. 4/h, 10/s, 100/m, 2/d, 0.5/min";

    private static readonly Dictionary<string, long> DurationTicks = new(StringComparer.Ordinal)
    {
        ["us"] = 10, ["µs"] = 10, ["ms"] = TimeSpan.TicksPerMillisecond, ["s"] = TimeSpan.TicksPerSecond,
        ["m"] = TimeSpan.TicksPerMinute, ["min"] = TimeSpan.TicksPerMinute, ["h"] = TimeSpan.TicksPerHour,
        ["d"] = TimeSpan.TicksPerDay,
    };

    private static readonly Dictionary<string, long> SizeBytes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["b"] = 1, ["kb"] = 1L << 10, ["kib"] = 1L << 10, ["mb"] = 1L << 20, ["mib"] = 1L << 20,
        ["gb"] = 1L << 30, ["gib"] = 1L << 30, ["tb"] = 1L << 40, ["tib"] = 1L << 40,
    };

    private static readonly Dictionary<string, double> RateSeconds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["s"] = 1, ["sec"] = 1, ["second"] = 1, ["m"] = 60, ["min"] = 60, ["minute"] = 60,
        ["h"] = 3600, ["hour"] = 3600, ["d"] = 86400, ["day"] = 86400,
    };

    /// <summary>A non-negative decimal number: no sign, no exponent, no thousands separators.</summary>
    public static bool TryParseNumber(string text, out double value)
    {
        value = 0;
        return NumberPattern().IsMatch(text)
            && double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value);
    }

    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var match = QuantityPattern().Match(text.Trim());
        if (!match.Success || !TryParseNumber(match.Groups[1].Value, out var number))
        {
            return false;
        }

        var unit = match.Groups[2].Value;
        if (unit.Length == 0)
        {
            // A bare number has no unit to guess; only 0 means the same in every unit.
            return number == 0;
        }

        if (!DurationTicks.TryGetValue(unit, out var ticksPerUnit))
        {
            return false;
        }

        var ticks = Math.Round(number * ticksPerUnit);
        if (ticks > long.MaxValue / 2)
        {
            return false;
        }

        duration = TimeSpan.FromTicks((long)ticks);
        return true;
    }

    /// <summary>
    /// nginx's own size spelling, <c>ngx_parse_size</c>: digits and <c>k</c> or <c>m</c> (either case),
    /// 1024-based (<c>32k</c>, <c>10m</c>). Only where a size cannot be a duration.
    /// </summary>
    public static bool TryParseNginxSize(string text, out long bytes)
    {
        bytes = 0;
        var match = NginxSizePattern().Match(text.Trim());
        if (!match.Success || !long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        long unit = char.ToLowerInvariant(match.Groups[2].Value[0]) == 'k' ? 1L << 10 : 1L << 20;
        if (number > long.MaxValue / 2 / unit)
        {
            return false;
        }

        bytes = number * unit;
        return true;
    }

    /// <summary>
    /// A duration in microseconds, not rounded to TimeSpan's 100 ns ticks (a cost profile's 9.95us
    /// stays 9.95); a bare number is not accepted here (callers read it as microseconds themselves).
    /// </summary>
    public static bool TryParseMicroseconds(string text, out double micros)
    {
        micros = 0;
        var match = QuantityPattern().Match(text.Trim());
        if (!match.Success || !TryParseNumber(match.Groups[1].Value, out var number)
            || !DurationTicks.TryGetValue(match.Groups[2].Value, out var ticksPerUnit))
        {
            return false;
        }

        // One multiplication by a whole number of microseconds per unit, so 9.95us is 9.95 exactly as written.
        micros = number * (ticksPerUnit / TimeSpan.TicksPerMicrosecond);
        return double.IsFinite(micros);
    }

    /// <summary>A size in bytes; <paramref name="hadUnit"/> is false for a bare number, which callers read as a count.</summary>
    public static bool TryParseSize(string text, out long bytes, out bool hadUnit)
    {
        bytes = 0;
        hadUnit = false;
        var match = QuantityPattern().Match(text.Trim());
        if (!match.Success || !TryParseNumber(match.Groups[1].Value, out var number))
        {
            return false;
        }

        var unit = match.Groups[2].Value;
        long perUnit = 1;
        if (unit.Length > 0 && !SizeBytes.TryGetValue(unit, out perUnit))
        {
            return false;
        }

        var total = Math.Round(number * perUnit);
        if (total > long.MaxValue / 2 || (unit.Length == 0 && number != Math.Floor(number)))
        {
            return false;
        }

        hadUnit = unit.Length > 0;
        bytes = (long)total;
        return true;
    }

    public static bool TryParseRate(string text, out double perSecond)
    {
        perSecond = 0;
        var match = RatePattern().Match(text.Trim());
        if (!match.Success || !TryParseNumber(match.Groups[1].Value, out var number)
            || !RateSeconds.TryGetValue(match.Groups[2].Value, out var seconds))
        {
            return false;
        }

        perSecond = number / seconds;
        return true;
    }

    [GeneratedRegex(@"^[0-9]+(\.[0-9]+)?$|^\.[0-9]+$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^([0-9.]+)\s*([A-Za-zµ]*)$")]
    private static partial Regex QuantityPattern();

    [GeneratedRegex(@"^([0-9.]+)\s*/\s*([A-Za-z]+)$")]
    private static partial Regex RatePattern();

    [GeneratedRegex(@"^([0-9]+)([kKmM])$")]
    private static partial Regex NginxSizePattern();
}
