using System.CommandLine;
using ResumeSim.Benchmarks;

namespace ResumeSim.Cli;

/// <summary><c>resumesim bench engine [--quick]</c>: the engine benchmark of docs/performance.md.</summary>
internal static class BenchCommand
{
    public static Command Create(TextWriter output)
    {
        var quick = new Option<bool>("--quick") { Description = "A reduced run (seconds) that checks the benchmark works; numbers are not comparable." };
        var engine = new Command("engine", "Event-queue hold model and M/M/c throughput, against .NET's PriorityQueue.") { quick };
        engine.SetAction(parsed =>
        {
            EngineBenchmark.Run(new EngineBenchmarkOptions { Quick = parsed.GetValue(quick) }, output);
            return ExitCodes.Ok;
        });
        return new Command("bench", "Measure the simulator's speed.") { engine };
    }
}
