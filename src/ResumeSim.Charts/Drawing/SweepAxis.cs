using System.Globalization;
using ResumeSim.Results;

namespace ResumeSim.Charts.Drawing;

/// <summary>
/// The x axis of a chart against a swept value. Values are kept as the scenario wrote them; when all
/// of them read as plain numbers they are placed by value (a line chart), otherwise (<c>round-robin</c>,
/// <c>10MB</c>) they are categories in grid order (a grouped bar chart). With several sweep keys the
/// other keys become part of each series (one line per strategy x other values).
/// </summary>
internal sealed class SweepAxis
{
    private SweepAxis(string key, IReadOnlyList<string> values, IReadOnlyList<double>? numbers)
    {
        Key = key;
        Values = values;
        Numbers = numbers;
    }

    public string Key { get; }

    /// <summary>The swept values in grid order.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>The values as numbers, or null when at least one is not a plain number.</summary>
    public IReadOnlyList<double>? Numbers { get; }

    public bool IsNumeric => Numbers is not null;

    /// <summary>The axis of <paramref name="key"/> (default: the first sweep key), or null without a sweep.</summary>
    public static SweepAxis? Of(RunData data, string? key = null)
    {
        key ??= data.SweepKeys.FirstOrDefault();
        if (key is null || !data.SweepKeys.Contains(key))
        {
            return null;
        }

        var values = data.Points.Select(p => ValueOf(p, key)).Distinct().ToList();
        var numbers = new List<double>(values.Count);
        foreach (var value in values)
        {
            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
            {
                return new SweepAxis(key, values, null);
            }

            numbers.Add(number);
        }

        return new SweepAxis(key, values, numbers);
    }

    /// <summary>Where a value sits on the axis: the number itself, or the category's index.</summary>
    public double Position(string value)
    {
        var index = Array.IndexOf([.. Values], value);
        return Numbers is null ? index : Numbers[index];
    }

    /// <summary>
    /// One series per strategy x combination of the other sweep keys, each with its points in axis order.
    /// </summary>
    public IReadOnlyList<(SeriesKey Key, IReadOnlyList<(string Value, SweepCells Point)> Points)> Series(RunData data)
    {
        var result = new List<(SeriesKey, IReadOnlyList<(string, SweepCells)>)>();
        var others = data.Points.Select(Others).Distinct().ToList();
        foreach (var strategy in data.Strategies)
        {
            foreach (var fixedCells in others)
            {
                var points = data.Points.Where(p => Others(p).Equals(fixedCells))
                    .Select(p => (Value: ValueOf(p, Key), Point: p))
                    .OrderBy(p => Position(p.Value))
                    .ToList();
                result.Add((new SeriesKey(strategy, fixedCells), points));
            }
        }

        return result;
    }

    private SweepCells Others(SweepCells point) => SweepCells.From(point.Where(c => c.Key != Key));

    private static string ValueOf(SweepCells point, string key) => point.First(c => c.Key == key).Value;
}
