using System.CommandLine;
using ResumeSim.Bench;

namespace ResumeSim.Cli;

/// <summary><c>resumesim bench engine|tls|model|scale|peers [--quick]</c>: the benchmarks of docs/performance.md.</summary>
internal static class BenchCommand
{
    // A median of more runs than this changes nothing a reader could see, and each can take minutes.
    private const int MaxRepetitions = 100;

    public static Command Create(TextWriter output)
    {
        var modelQuick = new Option<bool>("--quick") { Description = "A reduced run (20,000 clients) that checks the benchmark works; numbers are not comparable." };
        var repetitions = CliOptions.Int("--repetitions", "Runs per strategy; the median is reported.", 1, MaxRepetitions, 3);
        var model = new Command("model", "One server, 1 million clients, 10 million connections: session IDs and tickets, with the crypto floor.") { modelQuick, repetitions };
        model.SetAction(parsed =>
        {
            ModelBenchmark.Run(new ModelBenchmarkOptions { Quick = parsed.GetValue(modelQuick), Repetitions = parsed.GetValue(repetitions) }, output);
            return ExitCodes.Ok;
        });
        var tlsQuick = new Option<bool>("--quick") { Description = "A reduced run that checks the benchmark works; numbers are not comparable." };
        var tlsRepetitions = CliOptions.Int("--repetitions", "Runs per measurement; the median is reported.", 1, MaxRepetitions, 5);
        var tls = new Command("tls", "Session-store get/put with 10^6 entries; ticket seal/open against the raw AES and HMAC calls.") { tlsQuick, tlsRepetitions };
        tls.SetAction(parsed =>
        {
            TlsBenchmark.Run(parsed.GetValue(tlsQuick), parsed.GetValue(tlsRepetitions), output);
            return ExitCodes.Ok;
        });
        return new Command("bench", "Measure the simulator's speed.") { EngineBenchCommand.Create(output, MaxRepetitions), model, tls, ScaleBenchCommand.Create(output), PeersBenchCommand.Create(output) };
    }
}
