using System.Globalization;
using ScottPlot;

namespace ResumeSim.Charts.Drawing;

/// <summary>
/// Builds a ScottPlot <see cref="Plot"/> in the house style: the registered font everywhere, a title with
/// a provenance line under it (wrapped to the image, never cut), axis labels with units, a legend outside
/// the data area when there is more than one series, and past ten series a new line pattern for each
/// round of the ten colours.
/// </summary>
internal static class ChartCanvas
{
    public const int Width = 1000;
    public const int Height = 600;

    public const float TitleSize = 17;

    /// <summary>The widest a title line may be: the image less a margin on each side.</summary>
    public const float TitleWidth = Width - 40;

    private static readonly ScottPlot.Palettes.Category10 Palette = new();

    private static readonly LinePattern[] Patterns = [LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed];

    public static Plot Create(string title, string subtitle, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set(ChartFonts.Family);
        plot.Title(string.Join('\n', TitleLines(title + "\n" + subtitle, TitleSize, TitleWidth)), size: TitleSize);
        plot.XLabel(xLabel, size: 15);
        plot.YLabel(yLabel, size: 15);
        return plot;
    }

    /// <summary>
    /// <paramref name="text"/>'s lines, each wrapped at spaces so that it measures at most
    /// <paramref name="maxWidth"/> pixels in the chart font: a long provenance line becomes two, not a cut one.
    /// A single word wider than that (a long scenario name) is broken after a hyphen, or anywhere if it has none.
    /// </summary>
    public static IReadOnlyList<string> TitleLines(string text, float size, float maxWidth)
    {
        var lines = new List<string>();
        using var paint = Paint.NewDisposablePaint();
        foreach (var line in text.Split('\n'))
        {
            var current = "";
            foreach (var word in line.Split(' ').SelectMany(w => Pieces(w, size, maxWidth, paint)))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (current.Length > 0 && MeasureWidth(candidate, size, paint) > maxWidth)
                {
                    lines.Add(current);
                    current = word;
                }
                else
                {
                    current = candidate;
                }
            }

            lines.Add(current);
        }

        return lines;
    }

    /// <summary>A word cut into pieces that each fit <paramref name="maxWidth"/>, breaking after the last hyphen that fits when there is one.</summary>
    private static IEnumerable<string> Pieces(string word, float size, float maxWidth, Paint paint)
    {
        while (word.Length > 1 && MeasureWidth(word, size, paint) > maxWidth)
        {
            var fit = word.Length - 1;
            while (fit > 1 && MeasureWidth(word[..fit], size, paint) > maxWidth)
            {
                fit--;
            }

            var hyphen = word.LastIndexOf('-', fit - 1);
            var cut = hyphen > 0 ? hyphen + 1 : fit;
            yield return word[..cut];
            word = word[cut..];
        }

        yield return word;
    }

    /// <summary>The width in pixels of <paramref name="text"/> in the chart font at <paramref name="size"/> (bold, as titles are).</summary>
    public static float MeasureWidth(string text, float size, Paint paint)
    {
        var label = new LabelStyle { Text = text, FontName = ChartFonts.Family, FontSize = size, Bold = true };
        return label.Measure(paint).Width;
    }

    /// <summary>Ten distinct colours, then the same ten again with the next line pattern.</summary>
    public static Color ColorOf(int series) => Palette.GetColor(series);

    /// <summary>Solid for the first ten series, then dashed, dotted and densely dashed: with <see cref="ColorOf"/>, no two of forty series look alike.</summary>
    public static LinePattern PatternOf(int series) => Patterns[(series / Palette.Colors.Length) % Patterns.Length];

    /// <summary>The legend in a panel right of the data area, so it never hides a line or bar.</summary>
    public static void Legend(Plot plot, int series)
    {
        if (series > 1)
        {
            plot.Legend.FontName = ChartFonts.Family;
            plot.ShowLegend(Edge.Right);
        }
    }

    /// <summary>Left-axis tick labels with a % sign, for values already scaled to percent.</summary>
    public static void PercentTicksY(Plot plot)
    {
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => Number(v) + "%" };
        plot.Axes.Left.TickLabelStyle.FontName = ChartFonts.Family;
    }

    /// <summary>Category ticks (sweep values or strategy names) at 0, 1, 2 ...</summary>
    public static void CategoryTicks(Plot plot, IReadOnlyList<string> labels)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i < labels.Count; i++)
        {
            ticks.AddMajor(i, labels[i]);
        }

        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Bottom.TickLabelStyle.FontName = ChartFonts.Family;
        plot.Axes.SetLimitsX(-0.6, labels.Count - 0.4);
    }

    /// <summary>
    /// A log10 x axis: data are plotted as log10(x) and ticks labelled with x. Decades get labels; when
    /// the data span at most three decades 2x and 5x get labels too, so there are always a few numbers.
    /// </summary>
    public static void LogTicksX(Plot plot, double minLog, double maxLog)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var low = (int)Math.Floor(minLog);
        var high = (int)Math.Ceiling(maxLog);
        var labelHalves = high - low <= 3;
        for (var decade = low; decade <= high; decade++)
        {
            for (var m = 1; m <= 9; m++)
            {
                var position = decade + Math.Log10(m);
                if (position < minLog - 1e-9 || position > maxLog + 1e-9)
                {
                    continue;
                }

                if (m == 1 || (labelHalves && m is 2 or 5))
                {
                    ticks.AddMajor(position, Number(m * Math.Pow(10, decade)));
                }
                else
                {
                    ticks.AddMinor(position);
                }
            }
        }

        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Bottom.TickLabelStyle.FontName = ChartFonts.Family;
        plot.Axes.SetLimitsX(minLog, maxLog);
    }

    /// <summary>Short invariant text for a tick or bar label: 0.05, 2.5, 150, 12000.</summary>
    public static string Number(double value)
    {
        var magnitude = Math.Abs(value);
        var format = magnitude >= 100 ? "0" : magnitude >= 10 ? "0.#" : magnitude >= 1 ? "0.##" : "0.###";
        return value.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A value axis that starts at zero (rates, cores, bytes are never negative, and a zero baseline keeps
    /// differences honest) with 8% headroom above <paramref name="top"/>.
    /// </summary>
    public static void FromZeroY(Plot plot, double top, bool integerTicks = false)
    {
        top = double.IsFinite(top) && top > 0 ? top : 1;
        plot.Axes.SetLimitsY(0, top * 1.08);
        if (integerTicks)
        {
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        }
    }

    public static void Save(Plot plot, string folder, string name, ChartFormat formats, List<string> written)
    {
        if (formats.HasFlag(ChartFormat.Png))
        {
            var path = Path.Combine(folder, name + ".png");
            plot.SavePng(path, Width, Height);
            written.Add(path);
        }

        if (formats.HasFlag(ChartFormat.Svg))
        {
            var path = Path.Combine(folder, name + ".svg");
            plot.SaveSvg(path, Width, Height);
            written.Add(path);
        }
    }
}
