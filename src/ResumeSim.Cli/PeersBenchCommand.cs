using System.CommandLine;
using ResumeSim.Bench.Peers;
using ResumeSim.Scenarios;

namespace ResumeSim.Cli;

/// <summary>
/// <c>resumesim bench peers [FILE] [--quick] [--sizes N...] [--repetitions N] [--simulators NAME...]</c>: ResumeSim against
/// SimPy and ns-3 models of the same scenario (benchmarks/peers/), each a process of its own, with the
/// agreement check first (docs/performance.md, "Peers").
/// </summary>
internal static class PeersBenchCommand
{
    private static readonly long[] FullSizes = [10_000, 100_000, 1_000_000, 10_000_000];

    public static Command Create(TextWriter output)
    {
        var file = new Argument<string>("FILE") { Description = "The peer scenario; the peers' models are looked for beside it.", DefaultValueFactory = _ => "benchmarks/peers/peers.yaml" };
        var quick = new Option<bool>("--quick") { Description = "1e4, 1e5 and 1e6 connections (without it also 1e7)." };
        var sizes = CliOptions.IntList("--sizes", "Connections per run instead (each 1,000 to 1,000,000,000).", 1_000, 1_000_000_000);
        var repetitions = CliOptions.Int("--repetitions", "Runs of each simulator, strategy and size; the run of median CPU time is shown.", 1, 100, 1);
        var only = new Option<string[]>("--simulators") { Description = "Run only these (resumesim, simpy, ns3); default all. ResumeSim is always the reference of the ratios.", AllowMultipleArgumentsPerToken = true };
        only.AcceptOnlyFromAmong("resumesim", "simpy", "ns3");
        var build = new Option<string?>("--build") { Description = "Folder for the compiled peers and the runs' scratch files (default: build/ beside FILE)." };
        var command = new Command("peers", "ResumeSim, SimPy and ns-3 on the same two scenarios at 1e4-1e7 connections, one process per run: agreement first, then connections per CPU-second and peak memory.")
        {
            file, quick, sizes, repetitions, only, build,
        };
        command.SetAction(parsed =>
        {
            var error = parsed.InvocationConfiguration.Error;
            var path = parsed.GetValue(file)!;
            if (!ScenarioInput.TryLoad(path, new ScenarioOverrides(null, null), error, out var plan))
            {
                return ExitCodes.Usage;
            }

            PeerScenario scenario;
            try
            {
                scenario = PeerScenario.From(plan.Base);
            }
            catch (ArgumentException ex)
            {
                error.WriteLine($"resumesim: bench peers: {ex.Message}");
                return ExitCodes.Usage;
            }

            if (!OperatingSystem.IsLinux())
            {
                error.WriteLine("resumesim: bench peers: measuring child processes (CPU and peak memory from wait4) needs Linux");
                return ExitCodes.Failed;
            }

            var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            var chosen = parsed.GetValue(sizes) is { Length: > 0 } given ? given.Select(n => (long)n).ToArray() : parsed.GetValue(quick) ? FullSizes[..3] : FullSizes;
            var options = new PeerBenchmarkOptions
            {
                Sizes = chosen,
                Repetitions = parsed.GetValue(repetitions),
                BuildFolder = Path.GetFullPath(parsed.GetValue(build) ?? Path.Combine(folder, "build")),
            };
            IPeerSimulator[] all = [new ResumeSimPeer(path, ResumesimExecutable.Current()), new SimPyPeer(folder), new Ns3Peer(folder)];
            var wanted = parsed.GetValue(only) is { Length: > 0 } names ? names : all.Select(s => s.Name).ToArray();
            var simulators = all.Where(s => wanted.Contains(s.Name)).ToList();
            try
            {
                PeerBenchmark.Run(scenario, simulators, options, output);
                return ExitCodes.Ok;
            }
            catch (PeerDisagreementException ex)
            {
                error.WriteLine($"resumesim: bench peers: {ex.Message}");
                return ExitCodes.Failed;
            }
        });
        return command;
    }
}
