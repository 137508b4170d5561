using System.Text;

namespace ResumeSim.Results;

/// <summary>Writes a text file of a run folder: UTF-8 without BOM, created new, flushed to disk.</summary>
internal static class TextFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static void Write(string path, string text)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        stream.Write(Utf8NoBom.GetBytes(text));
        stream.Flush(flushToDisk: true);
    }
}
