using System.Globalization;
using ResumeSim.Scenarios.Yaml;

namespace ResumeSim.Scenarios.Parsing;

/// <summary>
/// Converts one YAML value to a typed value or reports why not: what was found and the expected
/// form, at the value's own line and column. <paramref name="path"/> is the dotted key path
/// (<c>clients.visits.rate</c>) so a message stands on its own.
/// </summary>
internal static class Scalars
{
    public static bool TryText(YNode node, string path, string form, Issues issues, out string text)
    {
        text = "";
        if (node is not YScalar scalar)
        {
            issues.Add(node, $"{path} is {node.Describe()}; expected {form}");
            return false;
        }

        if (scalar.IsNull)
        {
            issues.Add(node, $"{path} has no value; expected {form}");
            return false;
        }

        text = scalar.Value.Trim();
        return true;
    }

    public static bool TryInt(YNode node, string path, long min, long max, Issues issues, out long value)
    {
        value = 0;
        var form = RangeForm("an integer", min, max);
        if (!TryText(node, path, form, issues, out var text))
        {
            return false;
        }

        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            issues.Add(node, $"{path}: {Excerpt.Quote(text)} is not an integer; expected {form}");
            return false;
        }

        return InRange(node, path, value, min, max, form, issues);
    }

    public static bool TryNumber(YNode node, string path, double min, double max, bool minExclusive, Issues issues, out double value)
    {
        value = 0;
        var form = minExclusive ? $"a number > {Format(min)}" + (max < double.MaxValue ? $" and <= {Format(max)}" : "")
            : RangeForm("a number", min, max);
        if (!TryText(node, path, form, issues, out var text))
        {
            return false;
        }

        if (!double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
            || !double.IsFinite(value))
        {
            issues.Add(node, $"{path}: {Excerpt.Quote(text)} is not a number; expected {form}");
            return false;
        }

        if (value < min || value > max || (minExclusive && value == min))
        {
            issues.Add(node, $"{path}: {Excerpt.Of(text)} is out of range; expected {form}");
            return false;
        }

        return true;
    }

    public static bool TryDuration(YNode node, string path, TimeSpan min, TimeSpan max, Issues issues, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (!TryText(node, path, Units.DurationForm, issues, out var text))
        {
            return false;
        }

        if (!Units.TryParseDuration(text, out value))
        {
            issues.Add(node, $"{path}: {Excerpt.Quote(text)} is not a duration; expected {Units.DurationForm}");
            return false;
        }

        if (value < min || value > max)
        {
            var range = max == TimeSpan.MaxValue ? $">= {Show(min)}" : $"between {Show(min)} and {Show(max)}";
            issues.Add(node, $"{path}: {Excerpt.Of(text)} is out of range; expected a duration {range}");
            return false;
        }

        return true;
    }

    public static bool TryRate(YNode node, string path, Issues issues, out double perSecond)
    {
        perSecond = 0;
        if (!TryText(node, path, Units.RateForm, issues, out var text))
        {
            return false;
        }

        if (!Units.TryParseRate(text, out perSecond))
        {
            issues.Add(node, $"{path}: {Excerpt.Quote(text)} is not a rate; expected {Units.RateForm}");
            return false;
        }

        if (perSecond <= 0)
        {
            issues.Add(node, $"{path}: {Excerpt.Of(text)} is out of range; expected a rate > 0");
            return false;
        }

        return true;
    }

    public static bool TryBool(YNode node, string path, Issues issues, out bool value)
    {
        value = false;
        if (!TryText(node, path, "true or false", issues, out var text))
        {
            return false;
        }

        switch (text)
        {
            case "true":
                value = true;
                return true;
            case "false":
                return true;
            default:
                issues.Add(node, $"{path}: {Excerpt.Quote(text)} is not a boolean; expected true or false");
                return false;
        }
    }

    /// <summary>One of a fixed set of names, matched exactly (the names are lowercase in every doc).</summary>
    public static bool TryChoice<T>(YNode node, string path, IReadOnlyDictionary<string, T> choices, Issues issues, out T value)
    {
        value = default!;
        var form = "one of: " + string.Join(", ", choices.Keys);
        if (!TryText(node, path, form, issues, out var text))
        {
            return false;
        }

        if (!choices.TryGetValue(text, out value!))
        {
            issues.Add(node, $"{path}: {Excerpt.Quote(text)} is not a valid choice; expected {form}");
            return false;
        }

        return true;
    }

    public static string Show(TimeSpan span) => span switch
    {
        { Ticks: 0 } => "0",
        _ when span.Ticks % TimeSpan.TicksPerDay == 0 => $"{span.Ticks / TimeSpan.TicksPerDay}d",
        _ when span.Ticks % TimeSpan.TicksPerHour == 0 => $"{span.Ticks / TimeSpan.TicksPerHour}h",
        _ when span.Ticks % TimeSpan.TicksPerMinute == 0 => $"{span.Ticks / TimeSpan.TicksPerMinute}m",
        _ when span.Ticks % TimeSpan.TicksPerSecond == 0 => $"{span.Ticks / TimeSpan.TicksPerSecond}s",
        _ when span.Ticks % TimeSpan.TicksPerMillisecond == 0 => $"{span.Ticks / TimeSpan.TicksPerMillisecond}ms",
        _ => $"{Format(span.Ticks / 10.0)}us",
    };

    private static bool InRange(YNode node, string path, long value, long min, long max, string form, Issues issues)
    {
        if (value < min || value > max)
        {
            issues.Add(node, $"{path}: {value} is out of range; expected {form}");
            return false;
        }

        return true;
    }

    private static string RangeForm(string what, double min, double max) =>
        max >= long.MaxValue / 2 || max == double.MaxValue ? $"{what} >= {Format(min)}" : $"{what} from {Format(min)} to {Format(max)}";

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
