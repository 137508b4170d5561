using System.CommandLine;
using System.Globalization;
using ResumeSim.Bench;

namespace ResumeSim.Cli;

/// <summary>
/// <c>resumesim bench engine [--quick] [--sizes N...] [--repetitions N] [--isolate process|thread]</c>:
/// the event queues under the hold model and M/M/8, each case in a child process of its own by default.
/// </summary>
internal static class EngineBenchCommand
{
    // Enough for tiered compilation's 100 ms call-counting delay and the background compile of a
    // case's few hot methods: without the pauses `bench engine --quick` read 141 ns per M/M/8 event on
    // Simulation, with them 50 ns, as after the in-process warm-up.
    private static readonly TimeSpan TieringPause = TimeSpan.FromMilliseconds(300);

    public static Command Create(TextWriter output, int maxRepetitions)
    {
        var quick = new Option<bool>("--quick") { Description = "A reduced run (seconds) that checks the benchmark works; numbers are not comparable." };
        var sizes = CliOptions.IntList("--sizes", "Pending-event counts of the hold model (default 10^4, 10^6, 10^7; quick 10^4, 10^5).", 1, 50_000_000);
        var repetitions = CliOptions.Int("--repetitions", "Runs per measurement; the median is reported.", 1, maxRepetitions, 3);
        var isolate = new Option<string>("--isolate")
        {
            Description = "process: every case in a fresh child process, after a warm-up of its own code (the JIT then compiles each for the classes it measures); " +
                "thread: every case in this process, after one warm-up of all of them.",
            DefaultValueFactory = _ => "process",
        };
        isolate.AcceptOnlyFromAmong("process", "thread");
        var child = new Option<string?>("--child")
        {
            Description = "Internal: run only this case (hold/QUEUE/PENDING or mmc/QUEUE/simulation|direct) and print one machine-readable result line.",
            Hidden = true,
        };
        var engine = new Command("engine", "Event-queue hold model and M/M/c throughput, against .NET's PriorityQueue.") { quick, sizes, repetitions, isolate, child };
        engine.SetAction(parsed =>
        {
            var error = parsed.InvocationConfiguration.Error;
            var chosen = parsed.GetValue(sizes);
            bool quickRun = parsed.GetValue(quick);
            int runs = parsed.GetValue(repetitions);
            var options = new EngineBenchmarkOptions
            {
                Quick = quickRun,
                Repetitions = runs,
                HoldSizes = chosen is { Length: > 0 } ? chosen : null,
            };

            if (parsed.GetValue(child) is { } caseName)
            {
                EngineBenchmarkCase benchmarkCase;
                try
                {
                    benchmarkCase = EngineBenchmarkCase.Parse(caseName);
                }
                catch (FormatException ex)
                {
                    error.WriteLine($"resumesim: bench engine --child: {ex.Message}");
                    return ExitCodes.Usage;
                }

                output.WriteLine(EngineBenchmark.RunCaseAlone(options, benchmarkCase, TieringPause).Format());
                return ExitCodes.Ok;
            }

            var runElsewhere = parsed.GetValue(isolate) == "process"
                ? EngineBenchmark.InChildProcesses(options, new BenchChildProcessLauncher(ResumesimExecutable.Current(), ChildArguments(options)))
                : null;

            try
            {
                EngineBenchmark.Run(options, output, runElsewhere);
                return ExitCodes.Ok;
            }
            catch (BenchChildFailedException ex)
            {
                error.WriteLine($"resumesim: bench engine: {ex.Message}");
                return ExitCodes.Failed;
            }
        });
        return engine;
    }

    /// <summary>
    /// The child's <c>bench engine</c> arguments, before <c>--child NAME</c>: what of
    /// <paramref name="options"/> the command line can set (the pending count travels in the case's name).
    /// </summary>
    internal static IReadOnlyList<string> ChildArguments(EngineBenchmarkOptions options)
    {
        List<string> arguments = ["bench", "engine", "--repetitions", options.Repetitions.ToString(CultureInfo.InvariantCulture)];
        if (options.Quick)
        {
            arguments.Add("--quick");
        }

        return arguments;
    }
}
