namespace ResumeSim.Bench;

/// <summary>The engine benchmark's cases in child processes: what the parent starts and reads back, and what a child runs.</summary>
public static partial class EngineBenchmark
{
    /// <summary>
    /// Runs each case in a child process started by <paramref name="launcher"/> (this program's
    /// <c>bench engine --child NAME</c>, given the arguments that carry <paramref name="options"/>) and
    /// reads back its one result line, checking that the child ran the repetitions and the M/M/8 size
    /// the parent reports.
    /// </summary>
    public static Func<EngineBenchmarkCase, EngineCaseResult> InChildProcesses(EngineBenchmarkOptions options, IBenchChildLauncher launcher)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(launcher);
        return benchmarkCase =>
        {
            string name = benchmarkCase.Name;
            var exit = launcher.RunAsync(name, _ => { }, CancellationToken.None).GetAwaiter().GetResult();
            var result = exit.ReadResult(name, EngineCaseResult.Prefix, EngineCaseResult.Parse);
            long customers = CustomersOf(options, benchmarkCase);
            string? wrong = result.Case != name ? $"its result line is for case '{result.Case}'"
                : result.Values.Count != options.Repetitions ? $"it ran {result.Values.Count} repetitions, not {options.Repetitions}"
                : result.Customers != customers ? $"it ran {result.Customers:N0} customers, not {customers:N0}"
                : null;
            return wrong is null ? result : throw new BenchChildFailedException(name, wrong, exit.StandardErrorTail);
        };
    }

    /// <summary>
    /// What a child process runs for <c>--child NAME</c>: a warm-up of this case's code alone, then the
    /// case. <paramref name="tieringPause"/> follows each round of the warm-up (see the remarks in the code).
    /// </summary>
    public static EngineCaseResult RunCaseAlone(EngineBenchmarkOptions options, EngineBenchmarkCase benchmarkCase, TimeSpan tieringPause)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        var warmUp = options with { MmcCustomers = 20_000, Repetitions = 1 };
        var small = benchmarkCase with { Pending = Math.Min(benchmarkCase.Pending, 5_000) };
        // Tiered compilation starts counting calls 100 ms after the last new method and compiles the
        // optimized code on a background thread: a pause of a few hundred ms lets both happen before the
        // next round, so the timed runs start on the final code, as they do after the in-process
        // warm-up's longer run. A child process spends the pause idle; it is not simulated time.
        for (int round = 0; round < 2; round++)
        {
            for (int i = 0; i < 3; i++)
            {
                RunCase(warmUp, small, warmUpOnly: true);
            }

            Thread.Sleep(tieringPause);
        }

        return RunCase(options, benchmarkCase);
    }
}
