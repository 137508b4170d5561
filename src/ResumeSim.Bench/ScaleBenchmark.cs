using System.Diagnostics;
using System.Globalization;
using ResumeSim.Model.Configuration;
using ResumeSim.Tls;

namespace ResumeSim.Bench;

/// <summary>
/// The scale benchmark (<c>resumesim bench scale [FILE] [--clients N]</c>): runs every strategy
/// of a scenario (by default <c>scenarios/scale-10m.yaml</c>: 10 million clients, 100 servers, ~100
/// million connections) first alone, one after the other, then all at once, and reports wall time,
/// events/s, connections/s, bytes per client, peak RSS, the parallel speed-up, and the ratio of
/// simulated ticket handshakes/s to the raw ticket seal+open pairs/s measured in the same process
/// (the crypto floor). <see cref="ScaleBenchmarkOptions.Isolation"/> says whether a run happens on a
/// thread of this process or in a child process of its own (<see cref="RunChild"/>).
/// </summary>
/// <remarks>Wall-clock timing is allowed here, never in simulation code.</remarks>
public static partial class ScaleBenchmark
{
    public static ScaleReport Run(ScenarioConfig scenario, ScaleBenchmarkOptions options, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var inChildren = options.Isolation is not ScaleIsolation.Thread;
        var launcher = options.Launcher;
        if (inChildren && launcher is null)
        {
            throw new ArgumentException($"isolation {options.Isolation} runs child processes and needs a {nameof(ScaleBenchmarkOptions.Launcher)}", nameof(options));
        }

        var scaled = Scale(scenario, options.Clients ?? scenario.Clients.Count);
        var names = scaled.Strategies.Select(s => s.Name).ToList();
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"scale benchmark: '{scenario.Name}' at {scaled.Clients.Count:N0} clients, {scaled.Farm.Servers} servers, {scaled.Strategies.Count} strategies, {Environment.ProcessorCount} cores, isolation {options.Isolation.ToString().ToLowerInvariant()}, load average {LoadAverage()}"));

        // The floor of this process is needed only by runs in this process; each child measures its own.
        var threadsHere = options.Parallel && options.Isolation is not ScaleIsolation.Process;
        var serialHere = options.Serial && !inChildren;
        var floor = double.NaN;
        if (threadsHere || serialHere)
        {
            floor = ModelBenchmark.CryptoFloor(options.CryptoFloorPairs);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"crypto floor: {floor:N0} ticket seal+open pairs/s (AES-128-CBC + HMAC-SHA256 on {TicketCrypto.Description}, 1 thread, this process)"));
        }

        var serial = new List<ScaleMeasurement>();
        var serialChildren = new List<ScaleChildResult>();
        var peaks = new List<(string Phase, long Bytes)>();
        if (serialHere)
        {
            foreach (var strategy in scaled.Strategies)
            {
                ResetPeakRss();
                var m = Measure(scaled, strategy, "serial", holdBytes: true, options.ProgressSlices > 1 ? log : null, options.ProgressSlices, out _, out _);
                serial.Add(m);
                peaks.Add((strategy.Name, ReadPeakRss()));
                Print(log, m, floor, peaks[^1].Bytes);
            }
        }
        else if (options.Serial)
        {
            foreach (var name in names)
            {
                var child = RunChildren(launcher!, [name], log, out _)[0];
                child = child with { Measurement = child.Measurement with { Mode = "serial-proc" } };
                serialChildren.Add(child);
                serial.Add(child.Measurement);
                Print(log, child.Measurement, child.CryptoFloorPairsPerSecond, child.PeakRssBytes);
            }
        }

        var parallel = new List<ScaleMeasurement>();
        double parallelWall = 0, parallelCpu = 0;
        if (threadsHere)
        {
            ResetPeakRss();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var results = new ScaleMeasurement[scaled.Strategies.Count];
            var threads = scaled.Strategies.Select((strategy, i) => new Thread(
                () => results[i] = Measure(scaled, strategy, "parallel", holdBytes: false, progress: null, slices: 1, out _, out _),
                maxStackSize: 0)).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            parallelWall = clock.Elapsed.TotalSeconds;
            parallelCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            peaks.Add(("parallel", ReadPeakRss()));
            parallel.AddRange(results);
            foreach (var m in parallel)
            {
                Print(log, m, floor, peaks[^1].Bytes);
            }
        }

        var parallelChildren = new List<ScaleChildResult>();
        double childrenWall = 0;
        if (options.Parallel && inChildren)
        {
            var children = RunChildren(launcher!, names, log, out var launchWall);
            parallelChildren.AddRange(children.Select(c => c with { Measurement = c.Measurement with { Mode = "parallel-proc" } }));
            foreach (var c in parallelChildren)
            {
                Print(log, c.Measurement, c.CryptoFloorPairsPerSecond, c.PeakRssBytes);
            }

            childrenWall = RunSpanSeconds(parallelChildren, launchWall, log);
        }

        CheckSameResults(serial.Concat(parallel).Concat(parallelChildren.Select(c => c.Measurement)));
        var report = new ScaleReport(scaled.Clients.Count, floor, serial, parallel, parallelWall, peaks)
        {
            SerialChildren = serialChildren,
            ParallelChildren = parallelChildren,
            ParallelChildrenWallSeconds = childrenWall,
            ParallelCpuSeconds = parallelCpu,
        };
        PrintSpeedups(log, report, names.Count);
        return report;
    }

    /// <summary>
    /// A run is deterministic, so a strategy must count exactly the same in every phase (alone, next to
    /// others on threads, in a child process): anything else is a bug (shared mutable state between
    /// worlds, a child run on other settings), never slowness.
    /// </summary>
    private static void CheckSameResults(IEnumerable<ScaleMeasurement> measurements)
    {
        var first = new Dictionary<string, ScaleMeasurement>(StringComparer.Ordinal);
        foreach (var m in measurements)
        {
            if (!first.TryAdd(m.Strategy, m))
            {
                var s = first[m.Strategy];
                if (s.Clients != m.Clients || s.Connections != m.Connections || s.Events != m.Events || s.TicketHandshakes != m.TicketHandshakes || s.ResumptionRate != m.ResumptionRate)
                {
                    throw new InvalidOperationException($"strategy '{m.Strategy}' gave different results in {s.Mode} and {m.Mode}: {s} vs {m}");
                }
            }
        }
    }

    /// <summary>The scenario at another client count; per-server store capacities scale with it so that the hit rate stays comparable.</summary>
    public static ScenarioConfig Scale(ScenarioConfig scenario, int clients)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentOutOfRangeException.ThrowIfLessThan(clients, 1);
        double factor = (double)clients / scenario.Clients.Count;
        return scenario with
        {
            Clients = scenario.Clients with { Count = clients },
            Strategies = scenario.Strategies.Select(s => s.SessionIds is { } ids
                ? s with
                {
                    SessionIds = ids with
                    {
                        CapacityEntries = ScaleCapacity(ids.CapacityEntries, factor),
                        CapacityBytes = ScaleCapacity(ids.CapacityBytes, factor),
                    },
                }
                : s).ToList(),
        };
    }

    private static long ScaleCapacity(long capacity, double factor) => capacity <= 0 ? capacity : Math.Max(1, (long)Math.Round(capacity * factor));
}
