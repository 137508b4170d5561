using System.Text;
using System.Text.Unicode;

namespace ResumeSim.Cli.Import;

/// <summary>
/// Reads lines of a file that must be UTF-8 text, and stops at the first line that is not: a byte
/// sequence that is not UTF-8, a NUL byte, or a line longer than <see cref="MaxLineBytes"/>. A
/// <see cref="StreamReader"/> would replace bad bytes with U+FFFD and pass NULs on, so a client named
/// in Latin-1 would quietly become another name in the trace; here the import stops and names the line.
/// Checks <c>cancel</c> once a line, so that a signal stops a long read.
/// </summary>
internal sealed class StrictUtf8Lines(Stream stream, CancellationToken cancel) : TextReader
{
    /// <summary>An nginx log line with the import's format is under 1 KB; a longer one is not such a log, and is not held in memory.</summary>
    public const int MaxLineBytes = 64 * 1024;

    private readonly BufferedStream _input = new(stream, 64 * 1024);
    private readonly MemoryStream _line = new();
    private int _lineNumber;

    public override string? ReadLine()
    {
        cancel.ThrowIfCancellationRequested();
        _line.SetLength(0);
        int b;
        while ((b = _input.ReadByte()) >= 0 && b != '\n')
        {
            if (_line.Length == MaxLineBytes)
            {
                throw new InvalidDataException($"{_lineNumber + 1}: the line is longer than {MaxLineBytes} bytes; expected an nginx access log");
            }

            _line.WriteByte((byte)b);
        }

        if (b < 0 && _line.Length == 0)
        {
            return null;
        }

        _lineNumber++;
        var bytes = _line.GetBuffer().AsSpan(0, (int)_line.Length);
        if (bytes.Length > 0 && bytes[^1] == '\r')
        {
            bytes = bytes[..^1];
        }

        if (_lineNumber == 1 && bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        if (bytes.IndexOf((byte)0) is var nul and >= 0)
        {
            throw new InvalidDataException($"{_lineNumber}: a NUL byte at byte {nul + 1} of the line; expected text");
        }

        if (!Utf8.IsValid(bytes))
        {
            throw new InvalidDataException($"{_lineNumber}: the line is not UTF-8 text; expected an nginx access log (nginx escapes other bytes as \\xHH unless the log_format says escape=none)");
        }

        return Encoding.UTF8.GetString(bytes);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _input.Dispose();
            _line.Dispose();
        }

        base.Dispose(disposing);
    }
}
