using System.Text;

namespace ResumeSim.Scenarios.Parsing;

/// <summary>
/// How a value from the file appears in an error: quoted, at most <see cref="ScenarioLimits.MaxExcerptChars"/>
/// printable characters, longer values cut with their length given. Files are written by others: a
/// key file or a pasted secret passed where a scenario belongs must not come back on a terminal or
/// in a CI log, and one huge value must not make a huge message.
/// </summary>
internal static class Excerpt
{
    /// <summary>The value in quotes, shortened and with unprintable characters shown as '?'.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length <= ScenarioLimits.MaxExcerptChars ? $"'{Shown(value)}'" : $"'{Shown(value)}...' ({value.Length} characters)";
    }

    /// <summary>The value unquoted (in a <c>key=value</c> label), shortened like <see cref="Quote"/>.</summary>
    public static string Of(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length <= ScenarioLimits.MaxExcerptChars ? Shown(value) : $"{Shown(value)}... ({value.Length} characters)";
    }

    private static string Shown(string value)
    {
        var max = ScenarioLimits.MaxExcerptChars;
        if (value.Length <= max && IsPrintable(value))
        {
            return value;
        }

        // A long value is cut to half the limit, so the marker and the length still fit a short line.
        var keep = value.Length <= max ? value.Length : max / 2;
        var shown = new StringBuilder(keep);
        for (var i = 0; i < keep; i++)
        {
            var c = value[i];
            shown.Append(char.IsControl(c) || char.IsSurrogate(c) ? '?' : c);
        }

        return shown.ToString();
    }

    private static bool IsPrintable(string value)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c) || char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }
}
