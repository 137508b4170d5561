using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using ResumeSim.Cli;
using Xunit.Abstractions;

namespace ResumeSim.Browser.Tests;

/// <summary>
/// Opens the report of a small real run in headless Chromium and checks what a reader sees: the numbers
/// equal summary.csv, no script or console error, no request leaves the page, and the tables sort.
/// With RESUMESIM_REPORT_RUN set to a run folder, that run's report is checked instead, and with
/// RESUMESIM_REPORT_SCREENSHOT set the first screen is saved there (how docs/images/report.png is made).
/// </summary>
public sealed class ReportBrowserTests(ChromiumFixture chromium, ITestOutputHelper log) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Report_OfARealRun_ShowsSummaryCsv_SortsTables_WithoutErrors()
    {
        var scratch = Path.Combine(Path.GetTempPath(), "resumesim-browser-" + Path.GetRandomFileName());
        try
        {
            var run = Environment.GetEnvironmentVariable("RESUMESIM_REPORT_RUN") is { Length: > 0 } given ? given : SmallRun(scratch);
            var report = Path.GetFullPath(Path.Combine(run, "report.html"));
            Assert.True(File.Exists(report), $"{report} was not written");

            var page = await chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1000 } });
            var errors = new List<string>();
            var requests = new List<string>();
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    errors.Add("console: " + message.Text);
                }
            };
            page.PageError += (_, error) => errors.Add("page: " + error);
            page.Request += (_, request) =>
            {
                if (!request.Url.StartsWith("file://", StringComparison.Ordinal))
                {
                    requests.Add(request.Url);
                }
            };

            await page.GotoAsync(new Uri(report).AbsoluteUri);

            if (Environment.GetEnvironmentVariable("RESUMESIM_REPORT_SCREENSHOT") is { Length: > 0 } docs)
            {
                // The first screen as a reader opens it, before any table is sorted.
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = docs });
                log.WriteLine($"first screen: {docs}");
            }

            var summary = SummaryCsv.Read(Path.Combine(run, "summary.csv"));
            await AssertReplicationTableEqualsSummaryCsv(page, summary);
            await AssertHeadlineEqualsSummaryMeans(page, summary);
            await AssertSorting(page);
            // Three time-series charts and one per-server chart per strategy, each with drawn lines.
            Assert.True(await page.Locator("figure.chart svg").CountAsync() >= 3 + summary.Rows.Select(r => r["strategy"]).Distinct().Count());
            Assert.True(await page.Locator("figure.chart polyline").CountAsync() > 0);

            var artifact = Path.Combine(RepositoryPaths.Root, "TestResults", "browser", "report.png");
            Directory.CreateDirectory(Path.GetDirectoryName(artifact)!);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = artifact, FullPage = true });
            log.WriteLine($"screenshot: {artifact}");
            Assert.Empty(errors);
            Assert.Empty(requests);
        }
        finally
        {
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
    }

    private static async Task AssertReplicationTableEqualsSummaryCsv(IPage page, SummaryCsv summary)
    {
        var rows = await Rows(page, "summary");
        Assert.Equal(summary.Rows.Count, rows.Count);
        foreach (var row in rows)
        {
            var expected = summary.Rows.Single(r => r["strategy"] == row.Strategy && r["replication"] == row.Replication);
            Assert.NotEmpty(row.Cells);
            foreach (var cell in row.Cells)
            {
                Assert.Equal(expected[cell.Metric], cell.Value);
                AssertShown(cell, Parse(expected[cell.Metric]));
            }
        }
    }

    private static async Task AssertHeadlineEqualsSummaryMeans(IPage page, SummaryCsv summary)
    {
        foreach (var table in new[] { "resumption", "latency", "cpu", "memory" })
        {
            var rows = await Rows(page, table);
            Assert.NotEmpty(rows);
            foreach (var row in rows)
            {
                foreach (var cell in row.Cells)
                {
                    var values = summary.Rows.Where(r => r["strategy"] == row.Strategy).Select(r => Parse(r[cell.Metric])).Where(v => !double.IsNaN(v)).ToList();
                    var mean = values.Count == 0 ? double.NaN : values.Average();
                    Assert.Equal(mean, Parse(cell.Value), 9);
                    AssertShown(cell, mean);
                }
            }
        }
    }

    /// <summary>The text a reader sees is the value rounded for display: percentages for fractions, grouped thousands.</summary>
    private static void AssertShown(Cell cell, double value)
    {
        if (double.IsNaN(value))
        {
            Assert.Equal("NaN", cell.Shown);
            return;
        }

        var percent = cell.Shown.EndsWith('%');
        var shown = double.Parse(cell.Shown.TrimEnd('%').Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        var expected = percent ? value * 100 : value;
        Assert.True(Math.Abs(shown - expected) <= Math.Max(0.5, Math.Abs(expected) * 5e-4), $"{cell.Metric}: shows '{cell.Shown}' for {value}");
    }

    private static async Task AssertSorting(IPage page)
    {
        var header = page.Locator("table[data-table=resumption] thead th[title=resumption_rate]").First;
        await header.ClickAsync();
        var ascending = await Column(page, "resumption", "resumption_rate");
        Assert.Equal(ascending.Order(), ascending);
        Assert.Equal("ascending", await header.GetAttributeAsync("aria-sort"));

        await header.ClickAsync();
        var descending = await Column(page, "resumption", "resumption_rate");
        Assert.Equal(descending.OrderDescending(), descending);
        Assert.NotEqual(ascending, descending);

        await page.Locator("table[data-table=resumption] thead th").First.ClickAsync();
        var strategies = await page.Locator("table[data-table=resumption] tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.strategy)");
        Assert.Equal(strategies.Order(StringComparer.Create(CultureInfo.InvariantCulture, ignoreCase: true)), strategies);
    }

    private static async Task<double[]> Column(IPage page, string table, string metric) =>
        (await page.Locator($"table[data-table={table}] tbody td[data-metric={metric}]").EvaluateAllAsync<string[]>("cells => cells.map(c => c.dataset.value)"))
            .Select(Parse).ToArray();

    private static async Task<List<Row>> Rows(IPage page, string table) =>
        JsonSerializer.Deserialize<List<Row>>(
            await page.Locator($"table[data-table={table}] tbody tr").EvaluateAllAsync<string>("""
            rows => JSON.stringify(rows.map(r => ({
              strategy: r.dataset.strategy,
              replication: r.dataset.replication ?? null,
              cells: [...r.querySelectorAll('td[data-metric]')].map(c => ({ metric: c.dataset.metric, value: c.dataset.value, shown: c.querySelector('.v').textContent }))
            })))
            """),
            new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    private static double Parse(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string SmallRun(string scratch)
    {
        Directory.CreateDirectory(scratch);
        var scenario = Path.Combine(scratch, "small.yaml");
        File.WriteAllText(scenario, SmallScenario);
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CliApp.Run(["run", scenario, "--out", Path.Combine(scratch, "out"), "--quiet"], output, error);
        Assert.True(exit == 0, error.ToString());
        return output.ToString().Trim();
    }

    private const string SmallScenario = """
        name: browser-small
        seed: 5
        duration: 4m
        warmup: 1m
        replications: 2
        clients:
          count: 800
          visits: {rate: 20/h}
          rtt: {lognormal: {median: 40ms, sigma: 0.5}}
          mix:
            - {browser: chrome, share: 0.9}
            - {browser: api-client, share: 0.1}
        pages: {hosts: 1, connections: 3, connection_wait: wait-for-first}
        farm: {servers: 2, cores: 1, balancer: round-robin}
        strategies:
          - name: ids
            session_ids: {preset: nginx, capacity: 100KB}
          - name: tickets
            tickets: {keys: shared, rotate: 1m, keep: 2m, lifetime: 2m}
          - name: off
            resumption: off
        output:
          bucket: 30s
        """;

    public sealed record Row(string Strategy, string? Replication, Cell[] Cells);

    public sealed record Cell(string Metric, string Value, string Shown);
}
