using System.Globalization;
using System.Text;

namespace ResumeSim.Results.Report;

/// <summary>
/// A small line chart written as inline SVG (no script, no font files: the page's own font): one
/// polyline per series, broken where a value is NaN, axes with round ticks and a legend beneath.
/// Long series are averaged into at most <see cref="MaxPoints"/> points so the page stays small.
/// </summary>
internal static class SvgLineChart
{
    public const int MaxPoints = 600;

    private const int Width = 600;
    private const int PlotHeight = 200;
    private const int Left = 64;
    private const int Right = 16;
    private const int Top = 40;
    private const int LegendRow = 18;

    private static readonly string[] Palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"];

    public static void Write(StringBuilder html, string title, string yLabel, ReportUnit unit, IReadOnlyList<(string Name, IReadOnlyList<(double X, double Y)> Points)> series)
    {
        var lines = series.Select(s => (s.Name, Points: Reduce(s.Points))).ToList();
        var finite = lines.SelectMany(l => l.Points).Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToList();
        var legendRows = (lines.Count + 2) / 3;
        var height = Top + PlotHeight + 40 + (legendRows * LegendRow);
        html.Append("<figure class=\"chart\"><svg role=\"img\" viewBox=\"0 0 ").Append(Width).Append(' ').Append(height)
            .Append("\" width=\"").Append(Width).Append("\" height=\"").Append(height).Append("\"><title>").Append(Html.Escape(title)).Append("</title>\n");
        html.Append("<text x=\"").Append(Left).Append("\" y=\"16\" class=\"ct\">").Append(Html.Escape(title)).Append("</text>\n");
        if (finite.Count == 0)
        {
            html.Append("<text x=\"").Append(Left).Append("\" y=\"").Append(Top + (PlotHeight / 2)).Append("\">no data</text></svg></figure>\n");
            return;
        }

        var (x0, x1) = (finite.Min(p => p.X), finite.Max(p => p.X));
        var minutes = x1 - x0 > 1200;
        var yMax = finite.Max(p => p.Y);
        var yMin = Math.Min(0, finite.Min(p => p.Y));
        var yTicks = Ticks(yMin, yMax <= yMin ? yMin + 1 : yMax);
        var (y0, y1) = (yTicks[0], yTicks[^1]);
        var xScale = x1 > x0 ? (Width - Left - Right) / (x1 - x0) : 0;
        double Px(double x) => Left + ((x - x0) * xScale);
        double Py(double y) => Top + PlotHeight - ((y - y0) / (y1 - y0) * PlotHeight);

        foreach (var tick in yTicks)
        {
            html.Append("<line class=\"grid\" x1=\"").Append(Left).Append("\" x2=\"").Append(Width - Right).Append("\" y1=\"").Append(F(Py(tick)))
                .Append("\" y2=\"").Append(F(Py(tick))).Append("\"/><text class=\"tick\" text-anchor=\"end\" x=\"").Append(Left - 4).Append("\" y=\"")
                .Append(F(Py(tick) + 4)).Append("\">").Append(Html.Escape(ReportFormat.Display(tick, unit))).Append("</text>\n");
        }

        foreach (var tick in Ticks(x0 / (minutes ? 60 : 1), x1 / (minutes ? 60 : 1)).Select(t => t * (minutes ? 60 : 1)).Where(t => t >= x0 && t <= x1))
        {
            html.Append("<text class=\"tick\" text-anchor=\"middle\" x=\"").Append(F(Px(tick))).Append("\" y=\"").Append(Top + PlotHeight + 16).Append("\">")
                .Append(ReportFormat.Number(tick / (minutes ? 60 : 1))).Append("</text>\n");
        }

        html.Append("<text class=\"tick\" x=\"").Append(Width - Right).Append("\" text-anchor=\"end\" y=\"").Append(Top + PlotHeight + 32).Append("\">")
            .Append(minutes ? "minutes into the measured period" : "seconds into the measured period").Append("</text>\n");
        html.Append("<text class=\"tick\" x=\"4\" y=\"").Append(Top - 10).Append("\">").Append(Html.Escape(yLabel)).Append("</text>\n");
        html.Append("<rect class=\"frame\" x=\"").Append(Left).Append("\" y=\"").Append(Top).Append("\" width=\"").Append(Width - Left - Right)
            .Append("\" height=\"").Append(PlotHeight).Append("\"/>\n");

        for (var i = 0; i < lines.Count; i++)
        {
            var colour = Palette[i % Palette.Length];
            foreach (var segment in Segments(lines[i].Points))
            {
                html.Append("<polyline fill=\"none\" stroke=\"").Append(colour).Append("\" stroke-width=\"1.5\" points=\"");
                foreach (var (x, y) in segment)
                {
                    html.Append(F(Px(x))).Append(',').Append(F(Py(y))).Append(' ');
                }

                html.Append("\"/>\n");
            }

            var lx = Left + ((i % 3) * 175);
            var ly = Top + PlotHeight + 48 + ((i / 3) * LegendRow);
            html.Append("<rect x=\"").Append(lx).Append("\" y=\"").Append(ly - 9).Append("\" width=\"12\" height=\"4\" fill=\"").Append(colour)
                .Append("\"/><text class=\"legend\" x=\"").Append(lx + 16).Append("\" y=\"").Append(ly - 3).Append("\">").Append(Html.Escape(lines[i].Name)).Append("</text>\n");
        }

        html.Append("</svg></figure>\n");
    }

    /// <summary>Averages consecutive points into buckets so at most <see cref="MaxPoints"/> remain (NaN values left out).</summary>
    private static List<(double X, double Y)> Reduce(IReadOnlyList<(double X, double Y)> points)
    {
        if (points.Count <= MaxPoints)
        {
            return [.. points];
        }

        var size = (points.Count + MaxPoints - 1) / MaxPoints;
        var reduced = new List<(double X, double Y)>(MaxPoints);
        for (var start = 0; start < points.Count; start += size)
        {
            var chunk = points.Skip(start).Take(size).ToList();
            var values = chunk.Where(p => !double.IsNaN(p.Y)).ToList();
            reduced.Add((chunk[0].X, values.Count == 0 ? double.NaN : values.Average(p => p.Y)));
        }

        return reduced;
    }

    private static IEnumerable<List<(double X, double Y)>> Segments(IReadOnlyList<(double X, double Y)> points)
    {
        var current = new List<(double X, double Y)>();
        foreach (var point in points)
        {
            if (double.IsFinite(point.Y))
            {
                current.Add(point);
            }
            else if (current.Count > 0)
            {
                yield return current;
                current = [];
            }
        }

        if (current.Count > 0)
        {
            yield return current;
        }
    }

    /// <summary>About five round ticks covering [low, high]: steps of 1, 2 or 5 times a power of ten.</summary>
    internal static double[] Ticks(double low, double high)
    {
        if (!(high > low))
        {
            return [low, low + 1];
        }

        var raw = (high - low) / 5;
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1.0, 2, 5, 10 }.Select(m => m * power).First(s => s >= raw);
        // Rounded to the step's decimals, so 3 x 0.2 reads 0.6, not 0.6000000000000001.
        var decimals = Math.Clamp(1 - (int)Math.Floor(Math.Log10(step)), 0, 15);
        var ticks = new List<double>();
        for (var k = Math.Floor(low / step); k * step < high + (step / 2); k++)
        {
            ticks.Add(Math.Round(k * step, decimals));
        }

        if (ticks[^1] < high)
        {
            ticks.Add(ticks[^1] + step);
        }

        return [.. ticks];
    }

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
