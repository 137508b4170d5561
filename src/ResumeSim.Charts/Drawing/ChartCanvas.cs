using System.Globalization;
using ScottPlot;

namespace ResumeSim.Charts.Drawing;

/// <summary>
/// Builds a ScottPlot <see cref="Plot"/> in the house style: the registered font everywhere, a title with
/// a provenance line under it, axis labels with units, a legend when there is more than one series.
/// </summary>
internal static class ChartCanvas
{
    public const int Width = 1000;
    public const int Height = 600;

    private static readonly ScottPlot.Palettes.Category10 Palette = new();

    public static Plot Create(string title, string subtitle, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set(ChartFonts.Family);
        plot.Title(title + "\n" + subtitle, size: 17);
        plot.XLabel(xLabel, size: 15);
        plot.YLabel(yLabel, size: 15);
        return plot;
    }

    public static Color ColorOf(int series) => Palette.GetColor(series);

    public static void Legend(Plot plot, int series)
    {
        if (series > 1)
        {
            plot.ShowLegend(Alignment.UpperRight);
            plot.Legend.FontName = ChartFonts.Family;
        }
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
