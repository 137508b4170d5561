using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ResumeSim.Fuzz.Tests;

/// <summary>
/// Writes the content a corpus entry describes: <c>text</c>, <c>b64</c>, or <c>parts</c> (text,
/// a unit repeated, or a numbered line), so that multi-megabyte bombs are not stored in the corpus.
/// </summary>
internal static class FileParts
{
    public static void Write(string path, JsonElement spec, FileMode mode = FileMode.Create)
    {
        using var stream = new FileStream(path, mode == FileMode.Append ? FileMode.Append : FileMode.Create, FileAccess.Write);
        Write(stream, spec);
    }

    public static byte[] Bytes(JsonElement spec)
    {
        using var stream = new MemoryStream();
        Write(stream, spec);
        return stream.ToArray();
    }

    private static void Write(Stream stream, JsonElement spec)
    {
        if (spec.TryGetProperty("text", out var text))
        {
            stream.Write(Encoding.UTF8.GetBytes(text.GetString()!));
        }
        else if (spec.TryGetProperty("b64", out var b64))
        {
            stream.Write(Convert.FromBase64String(b64.GetString()!));
        }
        else if (spec.TryGetProperty("parts", out var parts))
        {
            WriteParts(stream, parts);
        }
        else if (spec.TryGetProperty("value_parts", out var valueParts))
        {
            WriteParts(stream, valueParts);
        }
        else
        {
            throw new InvalidDataException($"no content in {spec}");
        }
    }

    private static void WriteParts(Stream stream, JsonElement parts)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        foreach (var part in parts.EnumerateArray())
        {
            if (part.TryGetProperty("text", out var text))
            {
                writer.Write(text.GetString());
            }
            else if (part.TryGetProperty("repeat", out var unit))
            {
                var value = unit.GetString()!;
                var times = part.GetProperty("times").GetInt32();
                for (var i = 0; i < times; i++)
                {
                    writer.Write(value);
                }
            }
            else if (part.TryGetProperty("numbered", out var line))
            {
                var template = line.GetString()!;
                var times = part.GetProperty("times").GetInt32();
                for (var i = 0; i < times; i++)
                {
                    writer.Write(template.Replace("{n}", i.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
                }
            }
        }
    }
}
