using System.Collections;

namespace ResumeSim.Results;

/// <summary>
/// One value per server (server 1 first), immutable, with value equality, so that two
/// <see cref="TimeseriesRow"/>s with the same numbers are equal as records (a plain list would
/// compare by reference). Doubles compare by bits, as records compare their double fields.
/// </summary>
public sealed class PerServerValues : IReadOnlyList<double>, IEquatable<PerServerValues>
{
    private readonly double[] _values;

    private PerServerValues(double[] values) => _values = values;

    public static PerServerValues Empty { get; } = new([]);

    public int Count => _values.Length;

    public double this[int index] => _values[index];

    public static PerServerValues From(IEnumerable<double>? values) => values switch
    {
        null => Empty,
        PerServerValues already => already,
        _ => values.Any() ? new PerServerValues(values.ToArray()) : Empty,
    };

    public bool Equals(PerServerValues? other) =>
        other is not null && _values.AsSpan().SequenceEqual(other._values);

    public override bool Equals(object? obj) => obj is PerServerValues other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var value in _values)
        {
            hash.Add(value);
        }

        return hash.ToHashCode();
    }

    public IEnumerator<double> GetEnumerator() => ((IEnumerable<double>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Join(';', _values);
}
