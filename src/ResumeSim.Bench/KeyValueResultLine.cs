using System.Globalization;

namespace ResumeSim.Bench;

/// <summary>
/// The fields of one result line a benchmark's child process prints: a versioned prefix, then
/// space-separated <c>key=value</c> pairs, every key of the format exactly once. Numbers are in the
/// invariant culture and doubles in round-trip form, so the parent reads back exactly what the child
/// measured; a line cut short (a child killed while writing) is an error, never a result with zeros.
/// </summary>
internal sealed class KeyValueResultLine
{
    private readonly Dictionary<string, string> _values;
    private readonly string _line;
    private readonly string _what;

    private KeyValueResultLine(Dictionary<string, string> values, string line, string what)
    {
        _values = values;
        _line = line;
        _what = what;
    }

    /// <summary>Whether <paramref name="line"/> starts with <paramref name="prefix"/> as its own word.</summary>
    public static bool HasPrefix(string line, string prefix)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.StartsWith(prefix, StringComparison.Ordinal) && (line.Length == prefix.Length || line[prefix.Length] == ' ');
    }

    /// <summary>Splits <paramref name="line"/> into its fields; <paramref name="what"/> names the format in messages ("scale result line").</summary>
    /// <exception cref="FormatException">Wrong prefix, a pair that is not key=value, an unknown or repeated key, or a missing one.</exception>
    public static KeyValueResultLine Read(string line, string prefix, IReadOnlyList<string> keys, string what)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!HasPrefix(line, prefix))
        {
            throw new FormatException($"not a {what} (expected it to start with '{prefix} '): '{Shorten(line)}'");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in line[prefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException($"{what}: '{pair}' is not key=value: '{Shorten(line)}'");
            }

            var key = pair[..equals];
            if (!keys.Contains(key))
            {
                throw new FormatException($"{what}: unknown key '{key}' (expected {string.Join(", ", keys)}): '{Shorten(line)}'");
            }

            if (!values.TryAdd(key, pair[(equals + 1)..]))
            {
                throw new FormatException($"{what}: '{key}' appears twice: '{Shorten(line)}'");
            }
        }

        var missing = keys.Where(k => !values.ContainsKey(k)).ToList();
        if (missing.Count > 0)
        {
            throw new FormatException($"{what} is incomplete: missing {string.Join(", ", missing)}: '{Shorten(line)}'");
        }

        return new KeyValueResultLine(values, line, what);
    }

    /// <summary>The text of <paramref name="key"/>.</summary>
    public string Text(string key) => _values[key];

    /// <summary>The whole number of <paramref name="key"/>.</summary>
    public long Long(string key) => long.TryParse(_values[key], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
        ? v
        : throw Bad(key, "is not a whole number");

    /// <summary>The whole number of <paramref name="key"/>, which must fit in an <see cref="int"/>.</summary>
    public int Int(string key) => Long(key) is var v and >= int.MinValue and <= int.MaxValue ? (int)v : throw Bad(key, "is out of range");

    /// <summary>The number of <paramref name="key"/>.</summary>
    public double Double(string key) => ParseDouble(_values[key]) ?? throw Bad(key, "is not a number");

    /// <summary>The comma-separated numbers of <paramref name="key"/> (at least one).</summary>
    public double[] Doubles(string key)
    {
        var parts = _values[key].Split(',');
        var numbers = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            numbers[i] = ParseDouble(parts[i]) ?? throw Bad(key, "is not a comma-separated list of numbers");
        }

        return numbers;
    }

    /// <summary>A double in round-trip form, as every field is written.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static double? ParseDouble(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    private FormatException Bad(string key, string problem) => new($"{_what}: {key}='{_values[key]}' {problem}: '{Shorten(_line)}'");

    private static string Shorten(string line) => line.Length <= 300 ? line : line[..300] + "...";
}
