namespace ResumeSim.Notebooks.Tests;

/// <summary>The runner itself: it must stop at the first failing cell and say which one and why.</summary>
[Collection(NotebookCollection.Name)]
public sealed class NotebookRunnerTests
{
    [Fact]
    public async Task RunAsync_StopsAtFirstFailingCell_NamingNotebookCellAndError()
    {
        using var notebook = ScratchNotebook.Create(
            "broken.ipynb",
            "md:# A notebook that fails in its third cell",
            "var visited = new List<int> { 2 };",
            "visited.Add(3);\nthrow new InvalidOperationException(\"the third cell fails\");",
            "visited.Add(4);");

        var run = await NotebookRunner.RunAsync(notebook.Path, source => source, _ => { });

        Assert.Equal(2, run.CellsRun);
        Assert.NotNull(run.Failure);
        Assert.StartsWith("broken.ipynb, cell 3 ('visited.Add(3);'): ", run.Failure);
        Assert.Contains("InvalidOperationException: the third cell fails", run.Failure);
    }

    [Fact]
    public async Task RunAsync_ReportsCompileErrorsWithTheirCode()
    {
        using var notebook = ScratchNotebook.Create("typo.ipynb", "int count = \"three\";");

        var run = await NotebookRunner.RunAsync(notebook.Path, source => source, _ => { });

        Assert.NotNull(run.Failure);
        Assert.StartsWith("typo.ipynb, cell 1 ", run.Failure);
        Assert.Contains("CS0029", run.Failure);
    }

    [Fact]
    public async Task RunAsync_ResolvesRelativePathsFromTheNotebooksFolder_AndRestoresTheCurrentDirectory()
    {
        var before = Environment.CurrentDirectory;
        using var notebook = ScratchNotebook.Create(
            "relative.ipynb",
            "if (System.IO.File.ReadAllText(\"beside.txt\") != \"found\") throw new Exception(\"wrong folder\");");
        File.WriteAllText(Path.Combine(notebook.Folder, "beside.txt"), "found");

        var run = await NotebookRunner.RunAsync(notebook.Path, source => source, _ => { });

        Assert.Null(run.Failure);
        Assert.Equal(1, run.CellsRun);
        Assert.Equal(before, Environment.CurrentDirectory);
    }

    [Fact]
    public async Task RunAsync_CollectsDisplayedTablesAndValues()
    {
        using var notebook = ScratchNotebook.Create(
            "display.ipynb",
            "using Microsoft.DotNet.Interactive.Formatting.TabularData;\n"
            + "display(new[] { new { a = 1, b = 2, c = 3 } }.ToTabularDataResource());");

        var run = await NotebookRunner.RunAsync(notebook.Path, source => source, _ => { });

        Assert.Null(run.Failure);
        Assert.Contains(run.Outputs, o => o.MimeType == "text/html" && o.Value.Contains("<table", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_ImportsPocketViewTagsAsTheNotebookToolsDo()
    {
        using var notebook = ScratchNotebook.Create("tags.ipynb", "display(b(\"bold\"));");

        var run = await NotebookRunner.RunAsync(notebook.Path, source => source, _ => { });

        Assert.Null(run.Failure);
        Assert.Contains(run.Outputs, o => o.MimeType == "text/html" && o.Value.Contains("<b>", StringComparison.Ordinal));
    }
}
