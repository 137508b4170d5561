using ScottPlot;

namespace ResumeSim.Charts;

/// <summary>
/// Finds the font charts are drawn with. On a headless Linux machine without fonts ScottPlot (SkiaSharp)
/// draws every chart silently WITHOUT TEXT (reference/tooling.md), so instead of trusting whatever the
/// platform resolves, a known font file is registered by path, and a machine with no usable font at all
/// is an error that says what to install.
/// </summary>
public static class ChartFonts
{
    /// <summary>Environment variable naming a .ttf/.otf file to draw chart text with (checked first).</summary>
    public const string FontVariable = "RESUMESIM_CHART_FONT";

    private const string RegisteredName = "ResumeSim Sans";

    // DejaVu Sans is what Debian's fonts-dejavu-core installs (.ci/run installs it); the other paths are
    // where Fedora, Arch, Alpine, macOS and Windows keep a comparable sans-serif font.
    private static readonly string[] Candidates =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/System/Library/Fonts/Supplemental/Arial.ttf",
        "/Library/Fonts/Arial.ttf",
        @"C:\Windows\Fonts\arial.ttf",
    ];

    private static readonly Lazy<string> Resolved = new(
        () => Resolve(Environment.GetEnvironmentVariable(FontVariable), Candidates, Register, () => CanDrawText(Fonts.Default) ? Fonts.Default : null),
        LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// The font family charts use, registering the font file on first use.
    /// </summary>
    /// <exception cref="InvalidOperationException">No font that can draw Latin text was found; the message says how to fix it.</exception>
    public static string Family => Resolved.Value;

    /// <summary>Throws now, before a long run, if charts could not draw text (see <see cref="Family"/>).</summary>
    public static void EnsureAvailable() => _ = Family;

    /// <summary>
    /// The font choice, with its inputs passed in so tests can exercise every branch without touching the
    /// process-wide ScottPlot registry: the variable's value, the candidate files, how to register a file,
    /// and the platform default family if it can draw text (null otherwise).
    /// </summary>
    internal static string Resolve(string? fromEnvironment, IReadOnlyList<string> candidates, Func<string, string> register, Func<string?> usableDefault)
    {
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            if (!File.Exists(fromEnvironment))
            {
                throw new InvalidOperationException($"{FontVariable} names '{fromEnvironment}', which does not exist; expected a .ttf or .otf font file.");
            }

            return register(fromEnvironment);
        }

        foreach (var path in candidates)
        {
            if (File.Exists(path))
            {
                return register(path);
            }
        }

        // No known file: accept the platform's default only if it really has glyphs for chart text.
        return usableDefault() ?? throw new InvalidOperationException(
            "No font found to draw chart text (without one, charts would render with no text at all). " +
            "Install one, for example 'apt-get install fonts-dejavu-core' on Debian/Ubuntu, " +
            $"or set {FontVariable} to a .ttf file.");
    }

    private static string Register(string path)
    {
        Fonts.AddFontFile(RegisteredName, path, bold: false, italic: false);
        // Titles ask for a bold face; register the same file for it unless a bold file sits beside it.
        var bold = Path.Combine(Path.GetDirectoryName(path) ?? "", Path.GetFileNameWithoutExtension(path) + "-Bold" + Path.GetExtension(path));
        Fonts.AddFontFile(RegisteredName, File.Exists(bold) ? bold : path, bold: true, italic: false);
        if (!CanDrawText(RegisteredName))
        {
            throw new InvalidOperationException($"The font file '{path}' could not be loaded or has no Latin glyphs; set {FontVariable} to another .ttf file.");
        }

        return RegisteredName;
    }

    private static bool CanDrawText(string family)
    {
        var typeface = Fonts.GetTypeface(family, bold: false, italic: false);
        return typeface is not null && typeface.GlyphCount > 0 && typeface.ContainsGlyphs("Resumption 0.9 ms");
    }
}
