using System.Globalization;

namespace ResumeSim.Bench.Peers;

/// <summary>
/// The peer benchmark (<c>resumesim bench peers</c>): ResumeSim and independent models of the same
/// scenario in other simulators, each run as a process of its own so that start-up counts, at several
/// sizes. Before any speed is compared, every pair of simulators must agree on connections,
/// resumption rate and CPU per connection (<see cref="PeerAgreement"/>); if they do not, the run
/// fails after printing what it measured.
/// </summary>
/// <remarks>Wall-clock timing is allowed here, never in simulation code.</remarks>
public static class PeerBenchmark
{
    /// <exception cref="PeerDisagreementException">A run failed, or two simulators disagree beyond chance.</exception>
    public static IReadOnlyList<PeerMeasurement> Run(PeerScenario scenario, IReadOnlyList<IPeerSimulator> simulators, PeerBenchmarkOptions options, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(simulators);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        Directory.CreateDirectory(options.BuildFolder);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"peer benchmark: '{scenario.Config.Name}', {scenario.Config.Farm.Servers} servers x {scenario.Config.Farm.Cores} cores, {scenario.VisitsPerHour:G4} visits per client per hour for {scenario.DurationSeconds:G4} s, {Environment.ProcessorCount} cores here, load average {LoadAverage()}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC"));
        var ready = new List<IPeerSimulator>();
        foreach (var simulator in simulators)
        {
            if (simulator.Prepare(options.BuildFolder, log) is { } why)
            {
                log.WriteLine($"{simulator.Name}: skipped: {why}");
            }
            else
            {
                ready.Add(simulator);
                log.WriteLine($"{simulator.Name}: {simulator.Description}");
            }
        }

        var measurements = new List<PeerMeasurement>();
        var failures = new List<string>();
        foreach (var size in options.Sizes)
        {
            var scaled = scenario.AtConnections(size);
            foreach (var strategy in scaled.Strategies)
            {
                var row = new List<PeerMeasurement>();
                foreach (var simulator in ready)
                {
                    if (Measure(simulator, scaled, strategy, size, options, failures) is { } m)
                    {
                        row.Add(m);
                        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"  {size,10:N0} {strategy.Name,-20} {simulator.Name,-9} {m.Counts.Connections,11:N0} conn, resumed {m.Counts.ResumptionRate,8:P3}, {m.Counts.CpuMicrosPerConnection,7:F2} us CPU/conn | wall {m.Usage.WallSeconds,7:F2} s, cpu {m.Usage.CpuSeconds,7:F2} s, {m.ConnectionsPerCpuSecond,12:N0} conn/cpu-s, peak RSS {m.Usage.PeakRssText}"));
                        log.Flush();
                    }
                }

                for (var i = 0; i < row.Count; i++)
                {
                    for (var j = i + 1; j < row.Count; j++)
                    {
                        foreach (var difference in PeerAgreement.Differences(scaled, row[i].Simulator, row[i].Counts, row[j].Simulator, row[j].Counts))
                        {
                            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{size:N0} connections, {strategy.Name}: {difference}"));
                        }
                    }
                }

                measurements.AddRange(row);
            }
        }

        WriteTables(log, measurements, ready.Count);
        if (failures.Count > 0)
        {
            throw new PeerDisagreementException(
                $"the simulators do not agree, so their speeds are not comparable ({failures.Count} problem(s)):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", failures));
        }

        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"agreement: every pair of simulators within {PeerAgreement.Z:G} standard errors on connections, resumption rate and CPU per connection at every size"));
        return measurements;
    }

    private static PeerMeasurement? Measure(IPeerSimulator simulator, PeerScenario scenario, PeerStrategy strategy, long size, PeerBenchmarkOptions options, List<string> failures)
    {
        var runs = new List<(PeerCounts Counts, ChildUsage Usage)>();
        for (var r = 0; r < options.Repetitions; r++)
        {
            var work = Path.Combine(options.BuildFolder, "runs", string.Create(CultureInfo.InvariantCulture, $"{simulator.Name}-{strategy.Kind}-{size}-{r}"));
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }

            Directory.CreateDirectory(work);
            var command = simulator.Command(scenario, strategy, work);
            var output = Path.Combine(work, "stdout.txt");
            var errors = Path.Combine(work, "stderr.txt");
            try
            {
                var usage = ChildProcess.Run(command.FileName, command.Arguments, output, errors);
                if (usage.ExitCode != 0)
                {
                    failures.Add($"{simulator.Name} {strategy.Name} at {size:N0} exited with code {usage.ExitCode}: {Tail(errors)} ({command.FileName} {string.Join(' ', command.Arguments)})");
                    return null;
                }

                runs.Add((simulator.Read(strategy, File.ReadAllText(output), work), usage));
            }
            catch (Exception ex) when (ex is InvalidOperationException or FormatException or IOException)
            {
                failures.Add($"{simulator.Name} {strategy.Name} at {size:N0}: {ex.Message}");
                return null;
            }

            Directory.Delete(work, recursive: true);
        }

        if (runs.Any(run => run.Counts != runs[0].Counts))
        {
            failures.Add($"{simulator.Name} {strategy.Name} at {size:N0} counted differently in repeated runs of the same seed: {string.Join(", ", runs.Select(run => run.Counts))}");
        }

        var median = runs.OrderBy(run => run.Usage.CpuSeconds).ElementAt(runs.Count / 2);
        return new PeerMeasurement(size, strategy.Name, simulator.Name, median.Counts, median.Usage, runs.Count);
    }

    private static void WriteTables(TextWriter log, IReadOnlyList<PeerMeasurement> measurements, int simulators)
    {
        if (measurements.Count == 0)
        {
            return;
        }

        log.WriteLine();
        log.WriteLine("| connections | strategy | simulator | connections run | resumed | CPU per conn | wall | CPU (user+sys) | conn per CPU-s | peak RSS |");
        log.WriteLine("|--:|---|---|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var m in measurements)
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {m.TargetConnections:N0} | {m.Strategy} | {m.Simulator} | {m.Counts.Connections:N0} | {m.Counts.ResumptionRate:P2} | {m.Counts.CpuMicrosPerConnection:F1} us | {m.Usage.WallSeconds:F2} s | {m.Usage.CpuSeconds:F2} s | {m.ConnectionsPerCpuSecond:N0} | {m.Usage.PeakRssText} |"));
        }

        var ours = measurements.Where(m => m.Simulator == "resumesim").ToList();
        var peers = measurements.Select(m => m.Simulator).Where(s => s != "resumesim").Distinct().ToList();
        if (ours.Count == 0 || peers.Count == 0 || simulators < 2)
        {
            return;
        }

        log.WriteLine();
        log.WriteLine("ResumeSim against each peer: its connections per CPU-second over the peer's (above 1: ResumeSim is faster), and its peak RSS over the peer's (below 1: ResumeSim uses less). A peak shown as \"<= N MB\" is at most the measuring process's own resident set, which the kernel counts into every child's peak:");
        log.WriteLine();
        log.WriteLine($"| connections | strategy | {string.Join(" | ", peers.Select(p => $"speed vs {p}"))} | {string.Join(" | ", peers.Select(p => $"memory vs {p}"))} |");
        log.WriteLine($"|--:|---|{string.Concat(Enumerable.Repeat("--:|", peers.Count * 2))}");
        foreach (var m in ours)
        {
            var others = peers.Select(p => measurements.FirstOrDefault(x => x.Simulator == p && x.TargetConnections == m.TargetConnections && x.Strategy == m.Strategy)).ToList();
            string Speed(PeerMeasurement? other) =>
                other is null ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{m.ConnectionsPerCpuSecond / other.ConnectionsPerCpuSecond:F2}x");

            // A peak known only as "at most the floor" gives a ratio known only as "at least".
            string Memory(PeerMeasurement? other) =>
                other is null ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{(other.Usage.PeakRssKnown ? "" : ">= ")}{(double)m.Usage.PeakRssBytes / other.Usage.PeakRssBytes:F2}x");
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {m.TargetConnections:N0} | {m.Strategy} | {string.Join(" | ", others.Select(Speed))} | {string.Join(" | ", others.Select(Memory))} |"));
        }

        log.WriteLine();
    }

    private static string Tail(string path)
    {
        var lines = File.Exists(path) ? File.ReadAllLines(path) : [];
        return lines.Length == 0 ? "(no error output)" : string.Join(" / ", lines.TakeLast(3));
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "n/a";
        }
    }
}
