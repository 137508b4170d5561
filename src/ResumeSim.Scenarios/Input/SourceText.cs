using System.Buffers;
using System.Text.Unicode;
using System.Text;
using ResumeSim.LowLevel.Files;
using ResumeSim.Scenarios.Parsing;

namespace ResumeSim.Scenarios.Input;

/// <summary>
/// Reads a scenario or cost-profile file as the exact bytes its SHA-256 is taken of, and refuses
/// what is not a small UTF-8 text: a directory, pipe or device; a file over <see cref="ScenarioLimits.MaxFileBytes"/>;
/// bytes that are not UTF-8 (replacing them would make the text differ from the bytes hashed); NUL
/// and other control characters, which YAML forbids and which a key or binary file is full of.
/// Errors name a position and never quote the file's bytes.
/// </summary>
internal static class SourceText
{
    /// <summary>The file's bytes, or null (after reporting) when it cannot or must not be read.</summary>
    public static byte[]? ReadBytes(string path, string what, Issues issues)
    {
        switch (FileTypeProbe.Of(path))
        {
            case FileType.Missing:
                issues.Add(0, 0, $"{what} file not found; expected a path to a {what} YAML file");
                return null;
            case FileType.Directory:
                issues.Add(0, 0, $"is a directory; expected a path to a {what} YAML file");
                return null;
            case FileType.Special:
                issues.Add(0, 0, $"is not a regular file (a pipe, socket or device) and was not read; expected a path to a {what} YAML file");
                return null;
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);

            // Read one byte past the limit, never more: a device that slipped past the type check still ends here.
            var buffer = new byte[Math.Min(ScenarioLimits.MaxFileBytes + 1L, Math.Max(stream.CanSeek ? stream.Length + 1 : 0, 4096))];
            var total = 0;
            while (total <= ScenarioLimits.MaxFileBytes)
            {
                if (total == buffer.Length)
                {
                    Array.Resize(ref buffer, (int)Math.Min(ScenarioLimits.MaxFileBytes + 1L, buffer.Length * 2L));
                }

                var read = stream.Read(buffer, total, buffer.Length - total);
                if (read == 0)
                {
                    return buffer[..total];
                }

                total += read;
            }

            issues.Add(0, 0, $"is larger than the file size limit of {ScenarioLimits.MaxFileBytes} bytes; expected a {what} YAML file (they are a few KiB)");
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            issues.Add(0, 0, $"cannot be read ({e.GetType().Name}); expected a readable {what} YAML file");
            return null;
        }
    }

    /// <summary>The bytes as text, without a leading byte-order mark, or null (after reporting) when they are not UTF-8 text.</summary>
    public static string? Decode(byte[] bytes, Issues issues)
    {
        if (bytes.Length > ScenarioLimits.MaxFileBytes)
        {
            issues.Add(0, 0, $"is larger than the file size limit of {ScenarioLimits.MaxFileBytes} bytes; expected a scenario of a few KiB");
            return null;
        }

        var chars = new char[bytes.Length];
        var status = Utf8.ToUtf16(bytes, chars, out var bytesRead, out var written, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            var (line, column) = Position(bytes, bytesRead);
            issues.Add(line, column, $"the file is not UTF-8 text: the byte at offset {bytesRead} does not begin a valid UTF-8 character; expected a UTF-8 scenario YAML file (nothing was replaced, since the file's sha256 is of its bytes)");
            return null;
        }

        for (var i = 0; i < bytes.Length; i++)
        {
            if (IsForbiddenControl(bytes[i]))
            {
                var (line, column) = Position(bytes, i);
                var name = bytes[i] == 0 ? "a NUL byte" : $"the control character U+{bytes[i]:X4}";
                issues.Add(line, column, $"{name} at byte offset {i}; expected text (YAML allows tab, line feed and carriage return only; is this a binary or key file?)");
                return null;
            }
        }

        var text = new string(chars, 0, written);
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }

    /// <summary>The text's UTF-8 bytes, checked like a file's (a text from run.json or a test gets the same limits).</summary>
    public static byte[]? Encode(string text, Issues issues)
    {
        if (Encoding.UTF8.GetByteCount(text) > ScenarioLimits.MaxFileBytes)
        {
            issues.Add(0, 0, $"is larger than the file size limit of {ScenarioLimits.MaxFileBytes} bytes; expected a scenario of a few KiB");
            return null;
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        return Decode(bytes, issues) is null ? null : bytes;
    }

    // C0 controls other than tab, LF and CR, and DEL: YAML 1.2 section 5.1 (c-printable).
    private static bool IsForbiddenControl(byte b) => (b < 0x20 && b is not (0x09 or 0x0A or 0x0D)) || b == 0x7F;

    /// <summary>1-based line and column (in bytes) of a byte offset.</summary>
    private static (int Line, int Column) Position(byte[] bytes, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }
}
