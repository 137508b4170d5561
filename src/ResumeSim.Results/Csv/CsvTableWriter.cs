using System.Globalization;
using CsvHelper;

namespace ResumeSim.Results.Csv;

/// <summary>
/// Writes one CSV file of a run: UTF-8 without BOM, "\n" line ends, invariant culture, doubles in
/// the shortest text that round-trips (CsvHelper's default for <see cref="double"/>, the same digits
/// as "R"), so identical rows give byte-identical files on every machine.
/// </summary>
internal sealed class CsvTableWriter : IDisposable
{
    private static readonly CsvWriterOptions Options = new()
    {
        FormatProvider = CultureInfo.InvariantCulture,
        NewLine = "\n",
        WriteByteOrderMark = false,
    };

    private readonly FileStream _stream;
    private readonly CsvWriter _csv;

    private CsvTableWriter(FileStream stream)
    {
        _stream = stream;
        _csv = CsvWriter.Create(stream, Options, leaveOpen: true);
    }

    /// <summary>Creates <paramref name="path"/> (it must not exist yet: a run folder is written once).</summary>
    public static CsvTableWriter Create(string path) =>
        new(new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None));

    public void Header(IEnumerable<string> leading, IReadOnlyList<SweepCell> sweepKeys, IEnumerable<string> trailing)
    {
        var names = leading.Concat(sweepKeys.Select(c => c.Key)).Concat(trailing).ToArray();
        _csv.WriteHeader(names);
    }

    public void Text(string value) => _csv.WriteField(value);

    public void Integer(long value) => _csv.WriteField(value, default);

    public void Real(double value) => _csv.WriteField(value, default);

    public void SweepValues(IReadOnlyList<SweepCell> sweep)
    {
        foreach (var cell in sweep)
        {
            _csv.WriteField(cell.Value);
        }
    }

    public void EndRow() => _csv.EndRecord();

    /// <summary>Flushes CsvHelper's buffer and the file to disk, so a renamed run folder never holds a short file.</summary>
    public void Complete()
    {
        _csv.Flush();
        _stream.Flush(flushToDisk: true);
    }

    public void Dispose()
    {
        _csv.Dispose();
        _stream.Dispose();
    }
}
