using System.Text.Json;
using System.Text.Json.Nodes;

namespace ResumeSim.Notebooks.Tests;

/// <summary>A small .ipynb written to a temporary folder (deleted on dispose), to test the runner itself.</summary>
internal sealed class ScratchNotebook : IDisposable
{
    private ScratchNotebook(string folder, string path)
    {
        Folder = folder;
        Path = path;
    }

    public string Folder { get; }

    public string Path { get; }

    /// <summary>Writes <paramref name="fileName"/> with the given cells: "md:" starts a markdown cell, anything else is C#.</summary>
    public static ScratchNotebook Create(string fileName, params string[] cells)
    {
        var folder = Directory.CreateTempSubdirectory("resumesim-notebook-test-").FullName;
        var array = new JsonArray();
        foreach (var cell in cells)
        {
            array.Add(cell.StartsWith("md:", StringComparison.Ordinal)
                ? new JsonObject { ["cell_type"] = "markdown", ["metadata"] = new JsonObject(), ["source"] = cell[3..] }
                : new JsonObject
                {
                    ["cell_type"] = "code",
                    ["execution_count"] = null,
                    ["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } },
                    ["outputs"] = new JsonArray(),
                    ["source"] = cell,
                });
        }

        var notebook = new JsonObject
        {
            ["cells"] = array,
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
                ["polyglot_notebook"] = new JsonObject { ["kernelInfo"] = new JsonObject { ["defaultKernelName"] = "csharp" } },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        var path = System.IO.Path.Combine(folder, fileName);
        File.WriteAllText(path, notebook.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return new ScratchNotebook(folder, path);
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
