using System.Buffers.Binary;
using System.Xml.Linq;

namespace ResumeSim.Charts.Tests;

/// <summary>Reads back what a chart file says: the text of an SVG, the size of a PNG.</summary>
internal static class ChartFiles
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>
    /// The text of every SVG &lt;text&gt; element. With no usable font SkiaSharp emits no glyphs, so a
    /// chart without text yields nothing here.
    /// </summary>
    public static IReadOnlyList<string> SvgTexts(string path)
    {
        var svg = XDocument.Load(path);
        return svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).Where(t => t.Length > 0).ToList();
    }

    /// <summary>Every SVG &lt;text&gt; with the x and y of its <c>translate(x y)</c> transform (rotated text is left out).</summary>
    public static IReadOnlyList<(string Text, double X, double Y)> SvgTextPositions(string path)
    {
        var result = new List<(string, double, double)>();
        foreach (var e in XDocument.Load(path).Descendants().Where(e => e.Name.LocalName == "text"))
        {
            var transform = (string?)e.Attribute("transform") ?? "";
            if (!transform.StartsWith("translate(", StringComparison.Ordinal) || e.Value.Trim().Length == 0)
            {
                continue;
            }

            var numbers = transform["translate(".Length..^1].Split(' ', ',', StringSplitOptions.RemoveEmptyEntries);
            result.Add((e.Value.Trim(), double.Parse(numbers[0], System.Globalization.CultureInfo.InvariantCulture), double.Parse(numbers[1], System.Globalization.CultureInfo.InvariantCulture)));
        }

        return result;
    }

    public static (int Width, int Height) PngSize(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 33, $"{path} is too short for a PNG");
        Assert.Equal(PngSignature, bytes[..8]);
        // The first chunk is IHDR: length (4), type (4), width (4), height (4), big-endian.
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }
}
