using System.Globalization;

namespace ResumeSim.Results.Csv;

/// <summary>
/// One value per server in a single CSV field, joined by <c>;</c> (server 1 first): the farm's size
/// changes with scale-out, so a column per server would change the header mid-file. Values are
/// written round-trippable ("R"), like every other real.
/// </summary>
internal static class ServerList
{
    public static string Format(IReadOnlyList<double> values) =>
        values.Count == 0 ? "-" : string.Join(';', values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));

    public static List<double> Parse(string text)
    {
        var values = new List<double>();
        if (text == "-")
        {
            return values;
        }

        foreach (var part in text.Split(';'))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw new FormatException($"'{text}' is not a ';'-separated list of numbers");
            }

            values.Add(value);
        }

        return values;
    }
}
