using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace ResumeSim.Notebooks.Tests;

/// <summary>
/// Every notebook in <c>notebooks/</c> runs headlessly, cell by cell, against the libraries this
/// build produced; the first failing cell fails the test with the notebook and cell named.
/// </summary>
[Collection(NotebookCollection.Name)]
public sealed partial class NotebookExecutionTests(ITestOutputHelper output)
{
    /// <summary>
    /// A header row of three or more columns: what a table of rows looks like. A list of objects
    /// displayed as is renders as an index/value tree (two columns), which is no table to read.
    /// </summary>
    private static readonly Regex ColumnHeaders = ColumnHeadersRegex();

    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(RepositoryPaths.Notebooks, "*.ipynb").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Notebook_RunsEveryCellWithoutError(string notebook)
    {
        Assert.True(
            File.Exists(Path.Combine(RepositoryPaths.CliOutput, "ResumeSim.Model.dll")),
            $"The notebooks load the CLI's build output, which is missing: {RepositoryPaths.CliOutput}. Build src/ResumeSim.Cli -c {RepositoryPaths.Configuration} first.");

        var run = await NotebookRunner.RunAsync(Path.Combine(RepositoryPaths.Notebooks, notebook), UseThisBuild, output.WriteLine);

        output.WriteLine($"{notebook}: {run.CellsRun} code cells in {run.Seconds:F1} s");
        SaveOutputs(run);
        Assert.True(run.Failure is null, run.Failure);
        Assert.True(run.CellsRun > 0, $"{notebook} has no code cell.");

        // A notebook that runs but shows nothing is broken for its reader: each one shows at least
        // one table and one chart, and the chart carries its text (no fonts = silently blank labels).
        var html = run.Outputs.Where(o => o.MimeType == "text/html").Select(o => o.Value).ToList();
        Assert.True(html.Any(h => ColumnHeaders.IsMatch(h)), $"{notebook} showed no table with column headers.");
        var charts = html.Where(h => h.Contains("<svg", StringComparison.Ordinal)).ToList();
        Assert.True(charts.Count > 0, $"{notebook} showed no chart.");
        Assert.All(charts, svg => Assert.True(svg.Contains("<text", StringComparison.Ordinal), $"{notebook} drew a chart without text (is a font installed?)."));
    }

    [Fact]
    public void NotebooksFolder_HoldsTheShippedNotebooks()
    {
        var names = Directory.EnumerateFiles(RepositoryPaths.Notebooks, "*.ipynb").Select(Path.GetFileName).ToList();

        Assert.Contains("01-quickstart.ipynb", names);
        Assert.Contains("03-key-rotation-and-exposure.ipynb", names);
        Assert.Contains("04-reading-results.ipynb", names);
    }

    /// <summary>
    /// With RESUMESIM_NOTEBOOK_OUTPUTS set to a folder, each notebook's outputs are saved there as
    /// <c>&lt;notebook&gt;.html</c> (for a CI artifact, or to look at the charts of a headless run).
    /// </summary>
    private static void SaveOutputs(NotebookRun run)
    {
        if (Environment.GetEnvironmentVariable("RESUMESIM_NOTEBOOK_OUTPUTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, Path.ChangeExtension(run.Notebook, ".html")), run.ToHtml());
        }
    }

    /// <summary>
    /// The notebooks reference <c>bin/Release</c>, which is what the README's test command builds;
    /// a Debug test run points them at the Debug build instead, so they always test this build.
    /// </summary>
    private static string UseThisBuild(string source) =>
        RepositoryPaths.Configuration == "Release"
            ? source
            : source.Replace("/bin/Release/", $"/bin/{RepositoryPaths.Configuration}/", StringComparison.Ordinal);

    [GeneratedRegex(@"<thead><tr>(?:<t[hd]>(?:(?!</?t[hdr]>|</?thead>).)*</t[hd]>){3,}</tr></thead>", RegexOptions.Singleline)]
    private static partial Regex ColumnHeadersRegex();
}
