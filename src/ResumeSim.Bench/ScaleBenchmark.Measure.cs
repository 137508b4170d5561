using System.Diagnostics;
using System.Globalization;
using ResumeSim.LowLevel.Memory;
using ResumeSim.Model.Configuration;
using ResumeSim.Model.Runs;
using ResumeSim.Tls;

namespace ResumeSim.Bench;

/// <summary>One strategy's timed run, and the process facts (peak RSS, load) the benchmark reports.</summary>
public static partial class ScaleBenchmark
{
    private static ScaleMeasurement Measure(
        ScenarioConfig scenario, StrategyConfig strategy, string mode, bool holdBytes, TextWriter? progress, int slices, out long runStart, out long runEnd)
    {
        long before = 0;
        if (holdBytes)
        {
            Collect();
            before = GC.GetTotalMemory(forceFullCollection: true) + OffHeapMemory.BytesInUse;
        }

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var pauseBefore = GC.GetTotalPauseDuration();
        int gen0Before = GC.CollectionCount(0), gen2Before = GC.CollectionCount(2);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var start = Stopwatch.GetTimestamp();
        runStart = start;
        var world = new StrategyRun(scenario, strategy, replication: 0);
        int slice = 0;
        var result = world.Run(0, 0, progress is null ? null : () =>
        {
            // A long run reports each slice of simulated time, so a run cut short still says how fast it went.
            slice++;
            var cpuSoFar = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {strategy.Name}: {slice}/{slices} of simulated time, {world.EventsProcessed:N0} events, wall {Stopwatch.GetElapsedTime(start).TotalSeconds:F0} s, cpu {cpuSoFar:F0} s, RSS {Environment.WorkingSet / 1e9:F2} GB, load {LoadAverage()}"));
            progress.Flush();
        }, slices);
        runEnd = Stopwatch.GetTimestamp();
        var wall = Stopwatch.GetElapsedTime(start, runEnd).TotalSeconds;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var pause = (GC.GetTotalPauseDuration() - pauseBefore).TotalSeconds;
        int gen0 = GC.CollectionCount(0) - gen0Before, gen2 = GC.CollectionCount(2) - gen2Before;
        var held = holdBytes ? GC.GetTotalMemory(forceFullCollection: true) + OffHeapMemory.BytesInUse - before : 0;
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
            ? string.Create(CultureInfo.InvariantCulture, $" | {m.TicketHandshakesPerSecond / 1e6:F3} M ticket handshakes/s = {m.TicketHandshakesPerSecond / floor:F2}x crypto floor ({floor:N0} pairs/s)")
            : string.Empty;
        var held = double.IsNaN(m.HeldBytesPerClient) ? "n/a" : m.HeldBytesPerClient.ToString("F0", CultureInfo.InvariantCulture);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{m.Mode,-13} {m.Strategy,-20} wall {m.WallSeconds,7:F1} s | {m.Connections:N0} conn | {m.ConnectionsPerSecond / 1e6:F3} M conn/s | {m.EventsPerSecond / 1e6:F2} M events/s | " +
            $"cpu {m.CpuSeconds:F1} s | {held} B held/client | {m.AllocatedBytesPerConnection:F0} B alloc/conn | peak RSS {peakRss / 1e9:F2} GB | GC pauses {m.GcPauseSeconds:F1} s ({m.Gen0Collections} gen0, {m.Gen2Collections} gen2) | resumed {m.ResumptionRate:P1}{ticketRatio}"));
    }

    private static void PrintSpeedups(TextWriter log, ScaleReport report, int strategies)
    {
        if (report.Serial.Count == 0 || (report.Parallel.Count == 0 && report.ParallelChildren.Count == 0))
        {
            return;
        }

        var oneAfterOther = report.Serial.Sum(m => m.WallSeconds);
        var serialCpu = report.Serial.Sum(m => m.CpuSeconds);
        var serialWhere = report.SerialChildren.Count > 0 ? "one process each" : "this process";
        var longest = report.Serial.MaxBy(m => m.WallSeconds)!;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"speed-up bound: {report.SpeedupBound:F2}x with {strategies} strategies on as many cores (the longest alone, {longest.Strategy}, takes {longest.WallSeconds:F1} of {oneAfterOther:F1} s)"));
        if (report.Speedup is { } speedup)
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"parallel (threads, one process): {strategies} strategies in {report.ParallelWallSeconds:F1} s wall vs {oneAfterOther:F1} s one after the other ({serialWhere}) = {speedup:F2}x; " +
                $"cpu {report.ParallelCpuSeconds:F1} s together vs {serialCpu:F1} s alone = {report.ParallelCpuSeconds / serialCpu:F2}x the work"));
        }

        if (report.ProcessSpeedup is { } processSpeedup)
        {
            var childrenCpu = report.ParallelChildren.Sum(c => c.Measurement.CpuSeconds);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"parallel (processes): {strategies} strategies in {report.ParallelChildrenWallSeconds:F1} s wall vs {oneAfterOther:F1} s one after the other ({serialWhere}) = {processSpeedup:F2}x; " +
                $"cpu {childrenCpu:F1} s together vs {serialCpu:F1} s alone = {childrenCpu / serialCpu:F2}x the work; peak RSS {report.ParallelChildren.Sum(c => c.PeakRssBytes) / 1e9:F2} GB summed over the processes"));
        }
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

    /// <summary>This process's peak resident set: <c>VmHWM</c> from /proc/self/status on Linux, else what .NET reports.</summary>
    private static long ReadPeakRss()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                // "VmHWM:    123456 kB"
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal)
                    && line["VmHWM:".Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var kb, "kB"]
                    && long.TryParse(kb, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                {
                    return value * 1024;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // not Linux: fall through
        }

        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64;
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

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
