using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace ResumeSim.Notebooks.Tests;

/// <summary>
/// Executes a Polyglot notebook headlessly, in-process, the way VS Code's Polyglot Notebooks would:
/// a C# kernel (with <c>#r "nuget:..."</c>, the <c>display</c> helpers and value sharing) inside a
/// composite kernel, each code cell submitted in order. Stops at the first failing cell.
/// </summary>
/// <remarks>
/// Relative <c>#r</c> paths resolve against the process's current directory, which is set to the
/// notebook's folder for the run: the process-wide state is why notebook tests run serially.
/// </remarks>
internal static class NotebookRunner
{
    private const string CSharp = "csharp";

    /// <summary>A cell that hangs (a notebook waiting on input, a runaway loop) fails instead of stalling CI.</summary>
    private static readonly TimeSpan CellTimeout = TimeSpan.FromSeconds(90);

    /// <summary>Runs every code cell of <paramref name="notebookPath"/> in order.</summary>
    /// <param name="rewriteSource">Applied to each code cell's source before it is submitted.</param>
    /// <param name="log">Told each cell's outcome and duration.</param>
    public static async Task<NotebookRun> RunAsync(string notebookPath, Func<string, string> rewriteSource, Action<string> log)
    {
        var fileName = Path.GetFileName(notebookPath);
        var document = Notebook.Parse(await File.ReadAllTextAsync(notebookPath));
        var run = new NotebookRun(fileName);
        var previousDirectory = Environment.CurrentDirectory;
        Environment.CurrentDirectory = Path.GetDirectoryName(Path.GetFullPath(notebookPath))!;
        var kernel = CreateKernel();
        try
        {
            var cellNumber = 0;
            foreach (var element in document.Elements)
            {
                cellNumber++;
                if (element.KernelName is null or "markdown" or "raw")
                {
                    continue;
                }

                var cell = new CellName(fileName, cellNumber, element.Contents);
                if (element.KernelName != CSharp)
                {
                    run.Fail(cell, $"its kernel is '{element.KernelName}'; these notebooks are C# only");
                    return run;
                }

                var started = TimeProvider.System.GetTimestamp();
                var result = await SubmitAsync(kernel, rewriteSource(element.Contents), cell);
                var seconds = TimeProvider.System.GetElapsedTime(started).TotalSeconds;
                run.Record(cell, result.Events, seconds);
                log($"{cell}: {(run.Failure is null ? "ok" : "FAILED")} in {seconds:F2} s");
                if (run.Failure is not null)
                {
                    return run;
                }
            }

            return run;
        }
        finally
        {
            // SkiaSharp objects made in a cell hold native handles; finalizing them after the kernel
            // (and its assembly load context) is gone can crash the test host (reference/tooling.md).
            GC.Collect();
            GC.WaitForPendingFinalizers();
            kernel.Dispose();
            Environment.CurrentDirectory = previousDirectory;
        }
    }

    private static async Task<KernelCommandResult> SubmitAsync(CompositeKernel kernel, string code, CellName cell)
    {
        using var timeout = new CancellationTokenSource(CellTimeout);
        try
        {
            return await kernel.SendAsync(new SubmitCode(code, CSharp), timeout.Token).WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{cell} did not finish within {CellTimeout.TotalSeconds:F0} s.");
        }
    }

    private static CompositeKernel CreateKernel()
    {
        var csharp = new CSharpKernel()
            .UseKernelHelpers()
            .UseValueSharing()
            .UseNugetDirective((k, references) =>
            {
                k.AddAssemblyReferences(references.SelectMany(r => r.AssemblyPaths));
                return Task.CompletedTask;
            });
        // As the dotnet-interactive tool behind VS Code and Jupyter sets its C# kernel up: PocketView's
        // HTML tags (a, b, p, td, ...) imported, so a notebook name that collides with one fails here too.
        csharp.DeferCommand(new SubmitCode(
            "using static Microsoft.DotNet.Interactive.Formatting.PocketViewTags;\nusing Microsoft.DotNet.Interactive.Formatting;"));
        var composite = new CompositeKernel { csharp };
        composite.DefaultKernelName = CSharp;
        return composite;
    }
}
