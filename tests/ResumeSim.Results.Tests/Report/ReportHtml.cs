using System.Globalization;
using System.Text.RegularExpressions;

namespace ResumeSim.Results.Tests.Report;

/// <summary>Reads numbers back out of a rendered report: the cells' exact values by table, row and metric.</summary>
internal static partial class ReportHtml
{
    /// <summary>The data-value of every cell of a table (by data-table), keyed by (strategy, sweep, replication or null, metric).</summary>
    public static Dictionary<(string Strategy, string Sweep, string? Replication, string Metric), double> Cells(string html, string table)
    {
        var start = html.IndexOf($"data-table=\"{table}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"table '{table}' not in the report");
        var end = html.IndexOf("</table>", start, StringComparison.Ordinal);
        var cells = new Dictionary<(string, string, string?, string), double>();
        foreach (Match row in RowPattern().Matches(html[start..end]))
        {
            var replication = row.Groups["rep"].Success ? row.Groups["rep"].Value : null;
            foreach (Match cell in CellPattern().Matches(row.Groups["body"].Value))
            {
                cells.Add(
                    (Unescape(row.Groups["strategy"].Value), Unescape(row.Groups["sweep"].Value), replication, cell.Groups["metric"].Value),
                    double.Parse(cell.Groups["value"].Value, CultureInfo.InvariantCulture));
            }
        }

        return cells;
    }

    public static string Unescape(string text) => System.Net.WebUtility.HtmlDecode(text);

    [GeneratedRegex("<tr data-strategy=\"(?<strategy>[^\"]*)\" data-sweep=\"(?<sweep>[^\"]*)\"(?: data-replication=\"(?<rep>\\d+)\")?>(?<body>.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<td class=\"num\" data-metric=\"(?<metric>[^\"]+)\" data-value=\"(?<value>[^\"]+)\">")]
    private static partial Regex CellPattern();
}
