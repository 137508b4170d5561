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

                output.WriteLine(EngineBenchmark.RunCaseAlone(options, benchmarkCase).Format());
                return ExitCodes.Ok;
            }

            Func<EngineBenchmarkCase, EngineCaseResult>? runElsewhere = null;
            if (parsed.GetValue(isolate) == "process")
            {
                List<string> childArguments = ["bench", "engine", "--repetitions", runs.ToString(CultureInfo.InvariantCulture)];
                if (quickRun)
                {
                    childArguments.Add("--quick");
                }

                runElsewhere = EngineBenchmark.InChildProcesses(new ScaleChildProcessLauncher(ResumesimExecutable.Current(), childArguments));
            }

            try
            {
                EngineBenchmark.Run(options, output, runElsewhere);
                return ExitCodes.Ok;
            }
            catch (ScaleChildFailedException ex)
            {
                error.WriteLine($"resumesim: bench engine: {ex.Message}");
                return ExitCodes.Failed;
            }
        });
        return engine;
    }
}
