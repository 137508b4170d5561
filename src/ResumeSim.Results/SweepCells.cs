using System.Collections;

namespace ResumeSim.Results;

/// <summary>
/// An ordered, immutable list of <see cref="SweepCell"/> with value equality.
/// Rows store their sweep cells as this type so that two rows with the same numbers and the
/// same sweep point are equal as records (a plain list would compare by reference), and so that
/// a sweep point can be used as a grouping key.
/// </summary>
public sealed class SweepCells : IReadOnlyList<SweepCell>, IEquatable<SweepCells>
{
    private readonly SweepCell[] _cells;

    private SweepCells(SweepCell[] cells) => _cells = cells;

    /// <summary>The point of a run without a sweep.</summary>
    public static SweepCells Empty { get; } = new([]);

    /// <summary>Copies <paramref name="cells"/> (or returns it when it already is a <see cref="SweepCells"/>).</summary>
    public static SweepCells From(IEnumerable<SweepCell>? cells)
    {
        if (cells is null)
        {
            return Empty;
        }

        if (cells is SweepCells already)
        {
            return already;
        }

        var copy = cells.ToArray();
        foreach (var cell in copy)
        {
            ArgumentNullException.ThrowIfNull(cell, nameof(cells));
        }

        return copy.Length == 0 ? Empty : new SweepCells(copy);
    }

    /// <inheritdoc/>
    public int Count => _cells.Length;

    /// <inheritdoc/>
    public SweepCell this[int index] => _cells[index];

    /// <summary>Whether both lists have the same keys in the same order (values may differ).</summary>
    public bool HasSameKeys(SweepCells other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Count != Count)
        {
            return false;
        }

        for (var i = 0; i < _cells.Length; i++)
        {
            if (!string.Equals(_cells[i].Key, other._cells[i].Key, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public bool Equals(SweepCells? other) =>
        other is not null && _cells.AsSpan().SequenceEqual(other._cells);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as SweepCells);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var cell in _cells)
        {
            hash.Add(cell);
        }

        return hash.ToHashCode();
    }

    /// <summary>For example <c>farm.servers=4, clients.count=1000</c>; empty without a sweep.</summary>
    public override string ToString() => string.Join(", ", _cells.Select(c => c.Key + "=" + c.Value));

    /// <inheritdoc/>
    public IEnumerator<SweepCell> GetEnumerator() => ((IEnumerable<SweepCell>)_cells).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
