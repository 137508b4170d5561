using System.Text.Json;

namespace ResumeSim.Notebooks.Tests;

/// <summary>
/// Notebooks are committed clean: no outputs (they would go stale and bloat diffs), no execution
/// counts, and metadata that opens them with the .NET C# kernel in VS Code and Jupyter alike.
/// </summary>
public sealed class CommittedNotebookTests
{
    [Theory]
    [MemberData(nameof(NotebookExecutionTests.Notebooks), MemberType = typeof(NotebookExecutionTests))]
    public void Notebook_HasNoOutputsAndNoExecutionCounts(string notebook)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Notebooks, notebook)));
        var number = 0;
        foreach (var cell in json.RootElement.GetProperty("cells").EnumerateArray())
        {
            number++;
            if (cell.GetProperty("cell_type").GetString() != "code")
            {
                continue;
            }

            Assert.True(
                cell.TryGetProperty("outputs", out var outputs) && outputs.GetArrayLength() == 0,
                $"{notebook}, cell {number}: has outputs; clear them before committing.");
            Assert.True(
                cell.TryGetProperty("execution_count", out var count) && count.ValueKind == JsonValueKind.Null,
                $"{notebook}, cell {number}: has an execution count; clear outputs before committing.");
        }

        Assert.True(number > 0, $"{notebook} has no cells.");
    }

    [Theory]
    [MemberData(nameof(NotebookExecutionTests.Notebooks), MemberType = typeof(NotebookExecutionTests))]
    public void Notebook_OpensWithTheDotNetCSharpKernel(string notebook)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Notebooks, notebook)));
        var metadata = json.RootElement.GetProperty("metadata");

        // Jupyter picks the kernel by kernelspec name; VS Code's Polyglot Notebooks by its own kernelInfo.
        Assert.Equal(".net-csharp", metadata.GetProperty("kernelspec").GetProperty("name").GetString());
        Assert.Equal("csharp", metadata.GetProperty("polyglot_notebook").GetProperty("kernelInfo").GetProperty("defaultKernelName").GetString());
        Assert.Equal(4, json.RootElement.GetProperty("nbformat").GetInt32());
    }

    [Theory]
    [MemberData(nameof(NotebookExecutionTests.Notebooks), MemberType = typeof(NotebookExecutionTests))]
    public void Notebook_ReferencesOnlyBuiltLibrariesByRelativePath(string notebook)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Notebooks, notebook)));
        var references = json.RootElement.GetProperty("cells").EnumerateArray()
            .Where(c => c.GetProperty("cell_type").GetString() == "code")
            .SelectMany(c => c.GetProperty("source").EnumerateArray().Select(l => l.GetString()!.Trim()))
            .Where(l => l.StartsWith("#r ", StringComparison.Ordinal))
            .Select(l => l[3..].Trim().Trim('"'))
            .Where(r => !r.StartsWith("nuget:", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(references);
        Assert.All(references, r =>
        {
            Assert.False(Path.IsPathRooted(r), $"{notebook}: '{r}' is an absolute path; reference the build output relative to notebooks/.");
            Assert.StartsWith("../src/ResumeSim.Cli/bin/Release/net10.0/", r);
            Assert.True(
                File.Exists(Path.Combine(RepositoryPaths.Notebooks, r.Replace("/bin/Release/", $"/bin/{RepositoryPaths.Configuration}/", StringComparison.Ordinal))),
                $"{notebook}: '{r}' is not in the CLI's build output.");
        });
    }
}
