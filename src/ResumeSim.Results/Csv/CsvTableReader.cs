using System.Globalization;
using CsvHelper;
using ResumeSim.Results.Files;

namespace ResumeSim.Results.Csv;

/// <summary>
/// Reads one CSV file of a run: checks the header against the expected fixed columns (leading, then
/// any number of sweep columns, then trailing) and hands out the fields of each row in order,
/// turning every problem into a <see cref="ResultsFormatException"/> with file, line and column.
/// </summary>
internal sealed class CsvTableReader : IDisposable
{
    private static readonly CsvReaderOptions Options = new()
    {
        FormatProvider = CultureInfo.InvariantCulture,
        HasHeader = true,
        TrackLineNumbers = true,
        MalformedData = CsvMalformedDataHandling.Throw,
        FieldCountMismatch = CsvFieldCountHandling.Allow, // checked here, for a message naming the columns
        // Strategy names, sweep values, reasons and metrics repeat on every row and the rows are kept.
        PoolStrings = true,
    };

    private readonly string _path;
    private readonly CsvReader _csv;
    private readonly string[] _header;
    private readonly int _leading;
    private int _cursor;
    private SweepCells? _lastSweep;
    private readonly byte[][] _lastSweepBytes;

    private CsvTableReader(string path, CsvReader csv, string[] header, int leading, SweepCells sweepKeys)
    {
        _path = path;
        _csv = csv;
        _header = header;
        _leading = leading;
        SweepKeys = sweepKeys;
        _lastSweepBytes = new byte[sweepKeys.Count][];
    }

    /// <summary>The sweep columns found in the header (values empty).</summary>
    public SweepCells SweepKeys { get; }

    public static CsvTableReader Open(string path, IReadOnlyList<string> leading, IReadOnlyList<string> trailing)
    {
        ResultFile.EnsureReadable(path, ResultFile.TableLimit);
        var csv = CsvReader.FromFile(path, Options);
        try
        {
            string[] header;
            try
            {
                header = csv.Headers.ToArray();
            }
            catch (CsvFormatException e)
            {
                throw new ResultsFormatException(path, Math.Max(1, e.LineNumber), null, "the header is not valid CSV: " + e.Message, e);
            }

            var keys = CheckHeader(path, header, leading, trailing);
            return new CsvTableReader(path, csv, header, leading.Count, keys);
        }
        catch
        {
            csv.Dispose();
            throw;
        }
    }

    /// <summary>Advances to the next row; false at the end of the file.</summary>
    public bool Read()
    {
        bool more;
        try
        {
            more = _csv.Read();
        }
        catch (CsvFormatException e)
        {
            throw new ResultsFormatException(_path, e.LineNumber, null, "malformed CSV: " + e.Message, e);
        }

        if (more && _csv.FieldCount != _header.Length)
        {
            throw new ResultsFormatException(
                _path, _csv.LineNumber, null, $"expected {_header.Length} fields as in the header, found {_csv.FieldCount}.");
        }

        _cursor = 0;
        return more;
    }

    public string NextText()
    {
        var index = _cursor++;
        var text = _csv.GetString(index);
        if (text.Length == 0)
        {
            throw Error(index, "expected a non-empty text value, found an empty field.");
        }

        return text;
    }

    public long NextInteger()
    {
        // Numbers are parsed from the UTF-8 field bytes: no string per field.
        var index = _cursor++;
        if (!long.TryParse(_csv.GetSpan(index), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw Error(index, $"expected an integer, found '{_csv.GetString(index)}'.");
        }

        return value;
    }

    public int NextInt32()
    {
        var index = _cursor;
        var value = NextInteger();
        if (value is < int.MinValue or > int.MaxValue)
        {
            throw Error(index, $"expected a 32-bit integer, found {value}.");
        }

        return (int)value;
    }

    public double NextReal()
    {
        var index = _cursor++;
        if (!double.TryParse(_csv.GetSpan(index), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw Error(index, $"expected a number (invariant culture, '.' decimal point, or NaN/Infinity), found '{_csv.GetString(index)}'.");
        }

        return value;
    }

    /// <summary>The sweep cells of the current row (the columns after the leading ones).</summary>
    public SweepCells NextSweep()
    {
        if (_cursor != _leading)
        {
            throw new InvalidOperationException("Sweep cells follow the leading columns.");
        }

        // Rows of one sweep point are usually adjacent: share one SweepCells instead of one per row.
        var same = _lastSweep is not null;
        for (var i = 0; same && i < SweepKeys.Count; i++)
        {
            same = _csv.GetSpan(_cursor + i).SequenceEqual(_lastSweepBytes[i]);
        }

        if (!same)
        {
            var cells = new SweepCell[SweepKeys.Count];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = new SweepCell(SweepKeys[i].Key, _csv.GetString(_cursor + i));
                _lastSweepBytes[i] = _csv.GetSpan(_cursor + i).ToArray();
            }

            _lastSweep = SweepCells.From(cells);
        }

        _cursor += SweepKeys.Count;
        return _lastSweep!;
    }

    public ResultsFormatException Error(int index, string problem) =>
        new(_path, _csv.LineNumber, _header[index], problem);

    public void Dispose() => _csv.Dispose();

    private static SweepCells CheckHeader(string path, string[] header, IReadOnlyList<string> leading, IReadOnlyList<string> trailing)
    {
        var expected = $"expected the columns {string.Join(", ", leading)}, [sweep columns], {string.Join(", ", trailing)}";
        var sweepCount = header.Length - leading.Count - trailing.Count;
        if (sweepCount < 0)
        {
            throw new ResultsFormatException(path, 1, null, $"{expected}; found only {header.Length} columns: {string.Join(", ", header)}.");
        }

        for (var i = 0; i < leading.Count; i++)
        {
            if (header[i] != leading[i])
            {
                throw new ResultsFormatException(path, 1, header[i], $"column {i + 1} should be '{leading[i]}' ({expected}).");
            }
        }

        var offset = leading.Count + sweepCount;
        for (var i = 0; i < trailing.Count; i++)
        {
            if (header[offset + i] != trailing[i])
            {
                throw new ResultsFormatException(
                    path, 1, header[offset + i], $"column {offset + i + 1} should be '{trailing[i]}' ({expected}).");
            }
        }

        var keys = new SweepCell[sweepCount];
        for (var i = 0; i < sweepCount; i++)
        {
            var name = header[leading.Count + i];
            if (name.Length == 0 || Array.IndexOf(header, name) != leading.Count + i || Array.LastIndexOf(header, name) != leading.Count + i)
            {
                throw new ResultsFormatException(path, 1, name, $"column {leading.Count + i + 1}: a sweep column needs a unique, non-empty name.");
            }

            keys[i] = new SweepCell(name, "");
        }

        return SweepCells.From(keys);
    }
}
