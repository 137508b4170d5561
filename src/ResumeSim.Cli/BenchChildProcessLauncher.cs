using System.ComponentModel;
using System.Diagnostics;
using ResumeSim.Bench;

namespace ResumeSim.Cli;

/// <summary>
/// Runs a benchmark's child as a real process: this program again, with the parent's <c>bench scale</c>
/// or <c>bench engine</c> arguments plus <c>--child NAME</c>. The child inherits the environment (so a
/// GC knob such as <c>DOTNET_GCgen0size</c> reaches it) and the working directory.
/// </summary>
internal sealed class BenchChildProcessLauncher : IBenchChildLauncher
{
    /// <summary>Lines of standard error kept for a failure message.</summary>
    private const int ErrorTailLines = 25;

    private readonly ResumesimExecutable executable;
    private readonly IReadOnlyList<string> benchArguments;

    /// <param name="benchArguments">The child's arguments before <c>--child NAME</c>, e.g. <c>bench scale /abs/file.yaml --clients 20000</c>.</param>
    public BenchChildProcessLauncher(ResumesimExecutable executable, IReadOnlyList<string> benchArguments)
    {
        this.executable = executable;
        this.benchArguments = benchArguments;
    }

    /// <summary>The whole command line of the child for one strategy or case, as it is started.</summary>
    public IReadOnlyList<string> Arguments(string name) => [.. executable.LeadingArguments, .. benchArguments, "--child", name];

    public async Task<BenchChildExit> RunAsync(string name, Action<string> onOutputLine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onOutputLine);
        var start = new ProcessStartInfo(executable.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments(name))
        {
            start.ArgumentList.Add(argument);
        }

        using var child = new Process { StartInfo = start };
        try
        {
            child.Start();
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException)
        {
            throw new BenchChildFailedException(name, $"'{executable.FileName} {string.Join(' ', Arguments(name))}' could not be started: {ex.Message}", string.Empty, ex);
        }

        var output = new List<string>();
        var errorTail = new Queue<string>();
        var readOutput = Task.Run(async () =>
        {
            while (await child.StandardOutput.ReadLineAsync(CancellationToken.None).ConfigureAwait(false) is { } line)
            {
                output.Add(line);
                onOutputLine(line);
            }
        }, CancellationToken.None);
        var readError = Task.Run(async () =>
        {
            while (await child.StandardError.ReadLineAsync(CancellationToken.None).ConfigureAwait(false) is { } line)
            {
                errorTail.Enqueue(line);
                if (errorTail.Count > ErrorTailLines)
                {
                    errorTail.Dequeue();
                }
            }
        }, CancellationToken.None);

        try
        {
            await child.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Another child failed: this one's result would be thrown away, so it is stopped now
            // rather than left running for minutes. Only this child (and what it started) is killed.
            try
            {
                child.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // it exited on its own meanwhile
            }

            await child.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        await Task.WhenAll(readOutput, readError).ConfigureAwait(false);
        return new BenchChildExit(child.ExitCode, output, string.Join(Environment.NewLine, errorTail));
    }
}
