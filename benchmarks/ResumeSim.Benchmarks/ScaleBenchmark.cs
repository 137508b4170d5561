using System.Diagnostics;
using System.Globalization;
using ResumeSim.Model.Configuration;
using ResumeSim.Model.World;

namespace ResumeSim.Benchmarks;

/// <summary>
/// The scale benchmark of issue 9 (<c>resumesim bench scale [FILE] [--clients N]</c>): runs every strategy
/// of a scenario (by default <c>scenarios/scale-10m.yaml</c>: 10 million clients, 100 servers, ~100
/// million connections) first alone on one thread, one after the other, then all at once on one
/// thread each, and reports wall time, events/s, connections/s, bytes per client, peak RSS, the
/// parallel speed-up, and the ratio of simulated ticket handshakes/s to the raw ticket seal+open
/// pairs/s measured in the same process (the crypto floor).
/// </summary>
/// <remarks>Wall-clock timing is allowed here, never in simulation code.</remarks>
public static class ScaleBenchmark
{
    public static ScaleReport Run(ScenarioConfig scenario, ScaleBenchmarkOptions options, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var scaled = Scale(scenario, options.Clients ?? scenario.Clients.Count);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"scale benchmark: '{scenario.Name}' at {scaled.Clients.Count:N0} clients, {scaled.Farm.Servers} servers, {scaled.Strategies.Count} strategies, {Environment.ProcessorCount} cores, load average {LoadAverage()}"));

        var floor = ModelBenchmark.CryptoFloor(options.CryptoFloorPairs);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"crypto floor: {floor:N0} ticket seal+open pairs/s (AES-128-CBC + HMAC-SHA256, 1 thread)"));

        var serial = new List<ScaleMeasurement>();
        var peaks = new List<(string Phase, long Bytes)>();
        if (options.Serial)
        {
            foreach (var strategy in scaled.Strategies)
            {
                ResetPeakRss();
                var m = Measure(scaled, strategy, "serial", holdBytes: true, options.ProgressSlices > 1 ? log : null, options.ProgressSlices);
                serial.Add(m);
                peaks.Add((strategy.Name, PeakRss()));
                Print(log, m, floor, peaks[^1].Bytes);
            }
        }

        var parallel = new List<ScaleMeasurement>();
        double parallelWall = 0;
        if (options.Parallel)
        {
            ResetPeakRss();
            var clock = Stopwatch.StartNew();
            var results = new ScaleMeasurement[scaled.Strategies.Count];
            var threads = scaled.Strategies.Select((strategy, i) => new Thread(
                () => results[i] = Measure(scaled, strategy, "parallel", holdBytes: false, progress: null, slices: 1),
                maxStackSize: 0)).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            parallelWall = clock.Elapsed.TotalSeconds;
            peaks.Add(("parallel", PeakRss()));
            parallel.AddRange(results);
            foreach (var m in parallel)
            {
                Print(log, m, floor, peaks[^1].Bytes);
            }
        }

        CheckSameResults(serial, parallel);
        var report = new ScaleReport(scaled.Clients.Count, floor, serial, parallel, parallelWall, peaks);
        if (report.Speedup is { } speedup)
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"parallel: {scaled.Strategies.Count} strategies in {parallelWall:F1} s wall vs {serial.Sum(m => m.WallSeconds):F1} s one after the other = {speedup:F2}x"));
        }

        return report;
    }

    /// <summary>
    /// A run is deterministic, so a strategy run next to others must count exactly what it counted
    /// alone: anything else is a bug (shared mutable state between worlds), never slowness.
    /// </summary>
    private static void CheckSameResults(IReadOnlyList<ScaleMeasurement> serial, IReadOnlyList<ScaleMeasurement> parallel)
    {
        foreach (var p in parallel)
        {
            var s = serial.FirstOrDefault(m => m.Strategy == p.Strategy);
            if (s is not null && (s.Connections != p.Connections || s.Events != p.Events || s.TicketHandshakes != p.TicketHandshakes || s.ResumptionRate != p.ResumptionRate))
            {
                throw new InvalidOperationException($"strategy '{p.Strategy}' gave different results alone and in parallel: {s} vs {p}");
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

    private static ScaleMeasurement Measure(ScenarioConfig scenario, StrategyConfig strategy, string mode, bool holdBytes, TextWriter? progress, int slices)
    {
        long before = 0;
        if (holdBytes)
        {
            Collect();
            before = GC.GetTotalMemory(forceFullCollection: true);
        }

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var pauseBefore = GC.GetTotalPauseDuration();
        int gen0Before = GC.CollectionCount(0), gen2Before = GC.CollectionCount(2);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var world = new ResumptionWorld(scenario, strategy, replication: 0);
        int slice = 0;
        var result = world.Run(0, 0, progress is null ? null : () =>
        {
            // A long run reports each slice of simulated time, so a run cut short still says how fast it went.
            slice++;
            var cpuSoFar = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {strategy.Name}: {slice}/{slices} of simulated time, {world.EventsProcessed:N0} events, wall {clock.Elapsed.TotalSeconds:F0} s, cpu {cpuSoFar:F0} s, RSS {Environment.WorkingSet / 1e9:F2} GB, load {LoadAverage()}"));
            progress.Flush();
        }, slices);
        var wall = clock.Elapsed.TotalSeconds;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var pause = (GC.GetTotalPauseDuration() - pauseBefore).TotalSeconds;
        int gen0 = GC.CollectionCount(0) - gen0Before, gen2 = GC.CollectionCount(2) - gen2Before;
        var held = holdBytes ? GC.GetTotalMemory(forceFullCollection: true) - before : 0;
        GC.KeepAlive(world);
        return new ScaleMeasurement(
            strategy.Name,
            mode,
            scenario.Clients.Count,
            result.Connections,
            result.EventsProcessed,
            strategy.Tickets is null ? 0 : result.Full + result.ResumedByTicket + result.ResumedPsk,
            wall,
            cpu,
            holdBytes ? (double)held / scenario.Clients.Count : double.NaN,
            (double)allocated / result.Connections,
            result.ResumptionRate,
            pause,
            gen0,
            gen2);
    }

    private static void Print(TextWriter log, ScaleMeasurement m, double floor, long peakRss)
    {
        var ticketRatio = m.TicketHandshakes > 0
            ? string.Create(CultureInfo.InvariantCulture, $" | {m.TicketHandshakesPerSecond / 1e6:F3} M ticket handshakes/s = {m.TicketHandshakesPerSecond / floor:F2}x crypto floor")
            : string.Empty;
        var held = double.IsNaN(m.HeldBytesPerClient) ? "n/a" : m.HeldBytesPerClient.ToString("F0", CultureInfo.InvariantCulture);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{m.Mode,-8} {m.Strategy,-20} wall {m.WallSeconds,7:F1} s | {m.Connections:N0} conn | {m.ConnectionsPerSecond / 1e6:F3} M conn/s | {m.EventsPerSecond / 1e6:F2} M events/s | " +
            $"cpu {m.CpuSeconds:F1} s | {held} B held/client | {m.AllocatedBytesPerConnection:F0} B alloc/conn | peak RSS {peakRss / 1e9:F2} GB | GC pauses {m.GcPauseSeconds:F1} s ({m.Gen0Collections} gen0, {m.Gen2Collections} gen2) | resumed {m.ResumptionRate:P1}{ticketRatio}"));
    }

    /// <summary>Linux: writing 5 to clear_refs resets the process's peak RSS (VmHWM) to the current RSS, so each phase reports its own peak.</summary>
    private static void ResetPeakRss()
    {
        Collect();
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (IOException)
        {
            // not Linux, or not allowed: the peak then covers the process so far
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static long PeakRss()
    {
        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64;
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
