using System.CommandLine;
using ResumeSim.Bench;
using ResumeSim.Scenarios;

namespace ResumeSim.Cli;

/// <summary>
/// <c>resumesim bench scale [FILE] [--clients N] [--mode serial|parallel|both] [--isolate thread|process|both] [--progress N] [--quick]</c>:
/// every strategy of a scenario alone and in parallel (docs/performance.md, "Scale"). With
/// <c>--isolate process</c> or <c>both</c> (the default) the program re-launches itself once per
/// strategy and run with the hidden <c>--child NAME</c>, which runs that one strategy and prints one
/// result line (<see cref="ScaleChildResultLine"/>).
/// </summary>
internal static class ScaleBenchCommand
{
    public static Command Create(TextWriter output)
    {
        var file = new Argument<string>("FILE") { Description = "Scenario whose strategies are measured.", DefaultValueFactory = _ => "scenarios/scale-10m.yaml" };
        var clients = CliOptions.OptionalInt("--clients", "Simulate this many clients instead of the scenario's (per-server store capacities scale with it).", 1, int.MaxValue);
        var quick = new Option<bool>("--quick") { Description = "20,000 clients: checks that the benchmark (and its child processes) works; numbers are not comparable." };
        var mode = new Option<string>("--mode") { Description = "serial (each strategy alone, one after the other), parallel (all at once) or both.", DefaultValueFactory = _ => "both" };
        mode.AcceptOnlyFromAmong("serial", "parallel", "both");
        var isolate = new Option<string>("--isolate")
        {
            Description = "thread: everything in this process (parallel = one thread per strategy, one GC heap, as `run` does); " +
                "process: every run in a fresh child process (own heap, own peak RSS); " +
                "both: serial runs in child processes, the parallel phase on threads and then in child processes, both speed-ups reported.",
            DefaultValueFactory = _ => "both",
        };
        isolate.AcceptOnlyFromAmong("thread", "process", "both");
        var progress = CliOptions.Int("--progress", "Report each of this many slices of simulated time in serial runs and child processes (1 = silent).", 1, 1000, 1);
        var child = new Option<string?>("--child")
        {
            Description = "Internal: run only this strategy in this process and print one machine-readable result line (what --isolate process starts).",
            Hidden = true,
        };
        var scale = new Command("scale", "Every strategy of a scenario (default scenarios/scale-10m.yaml) alone and in parallel: events/s, connections/s, bytes per client, peak RSS, parallel speed-up (threads and processes), crypto floor.")
        {
            file, clients, quick, mode, isolate, progress, child,
        };
        scale.SetAction(parsed =>
        {
            var error = parsed.InvocationConfiguration.Error;
            var path = parsed.GetValue(file)!;
            if (!ScenarioInput.TryLoad(path, new ScenarioOverrides(null, null), error, out var plan))
            {
                return ExitCodes.Usage;
            }

            var quickRun = parsed.GetValue(quick);
            var childStrategy = parsed.GetValue(child);
            var chosenMode = parsed.GetValue(mode);
            var isolation = parsed.GetValue(isolate) switch
            {
                "thread" => ScaleIsolation.Thread,
                "process" => ScaleIsolation.Process,
                _ => ScaleIsolation.Both,
            };
            var options = new ScaleBenchmarkOptions
            {
                Clients = quickRun ? 20_000 : parsed.GetValue(clients),
                Serial = chosenMode is "serial" or "both",
                Parallel = chosenMode is "parallel" or "both",
                CryptoFloorPairs = quickRun ? 20_000 : 200_000,
                ProgressSlices = parsed.GetValue(progress),
                Isolation = isolation,
                Launcher = isolation is ScaleIsolation.Thread || childStrategy is not null ? null : new BenchChildProcessLauncher(ResumesimExecutable.Current(), ChildArguments(path, parsed.GetValue(clients), quickRun, parsed.GetValue(progress))),
            };

            if (childStrategy is { } strategy)
            {
                if (!plan.Base.Strategies.Any(s => s.Name == strategy))
                {
                    error.WriteLine($"resumesim: bench scale --child: '{path}' has no strategy '{strategy}' (it has {string.Join(", ", plan.Base.Strategies.Select(s => s.Name))})");
                    return ExitCodes.Usage;
                }

                ScaleBenchmark.RunChild(plan.Base, strategy, options, output);
                return ExitCodes.Ok;
            }

            try
            {
                ScaleBenchmark.Run(plan.Base, options, output);
                return ExitCodes.Ok;
            }
            catch (BenchChildFailedException ex)
            {
                error.WriteLine($"resumesim: bench scale: {ex.Message}");
                return ExitCodes.Failed;
            }
            catch (InvalidOperationException ex)
            {
                // the determinism check: a strategy counted differently in two phases
                error.WriteLine($"resumesim: bench scale: {ex.Message}");
                return ExitCodes.Failed;
            }
        });
        return scale;
    }

    /// <summary>
    /// The child's <c>bench scale</c> arguments: the same scenario (as an absolute path, so the child
    /// does not depend on its working directory), size and progress; <c>--child NAME</c> is added per strategy.
    /// </summary>
    internal static IReadOnlyList<string> ChildArguments(string path, int? clients, bool quick, int progress)
    {
        var arguments = new List<string> { "bench", "scale", Path.GetFullPath(path) };
        if (quick)
        {
            arguments.Add("--quick");
        }
        else if (clients is { } count)
        {
            arguments.Add("--clients");
            arguments.Add(count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (progress > 1)
        {
            arguments.Add("--progress");
            arguments.Add(progress.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return arguments;
    }
}
