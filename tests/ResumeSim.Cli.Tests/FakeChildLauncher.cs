using ResumeSim.Bench;

namespace ResumeSim.Cli.Tests;

/// <summary>
/// A benchmark child launcher that starts no process: each call runs the given function, which
/// gets the strategy or case, how many children were launched before it, the output-line callback and the
/// cancellation token.
/// </summary>
internal sealed class FakeChildLauncher(Func<string, int, Action<string>, CancellationToken, Task<BenchChildExit>> child) : IBenchChildLauncher
{
    private int launched;

    public int Launched => Volatile.Read(ref launched);

    /// <summary>Runs the real child code in this process, as <c>bench scale --child NAME</c> would, and hands back its output lines.</summary>
    public static Task<BenchChildExit> RunInProcess(ScaleBenchmarkOptions options, string strategy, Action<string> onOutputLine, Func<string, string>? rewrite = null) => Task.Run(() =>
    {
        var output = new StringWriter();
        ScaleBenchmark.RunChild(ScaleBenchmarkTests.LoadScenario(), strategy, options, output);
        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Select(rewrite ?? (l => l)).ToList();
        lines.ForEach(onOutputLine);
        return new BenchChildExit(0, lines, string.Empty);
    });

    public Task<BenchChildExit> RunAsync(string name, Action<string> onOutputLine, CancellationToken cancellationToken) =>
        child(name, Interlocked.Increment(ref launched) - 1, onOutputLine, cancellationToken);
}
