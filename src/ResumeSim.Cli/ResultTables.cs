using ResumeSim.Model.Runs;
using ResumeSim.Results;
using ResumeSim.Scenarios;

namespace ResumeSim.Cli;

/// <summary>Maps what the model measured onto the result tables of ResumeSim.Results.</summary>
internal static class ResultTables
{
    public static RunOutput Build(
        ScenarioPlan plan, IReadOnlyList<StrategyRunResult> results, DateTimeOffset started, TimeSpan wall, string commandLine, RunShard? shard = null)
    {
        var summary = new List<SummaryRow>(results.Count);
        var misses = new List<MissRow>();
        var series = new List<TimeseriesRow>();
        var latency = new List<LatencyRow>();
        var servers = new List<ServerRow>();
        foreach (var r in results)
        {
            var sweep = SweepCells(plan, r.SweepPoint);
            summary.Add(Summary(r, sweep));
            foreach (var (reason, count) in r.Misses)
            {
                misses.Add(new MissRow(r.Strategy, r.Replication, reason, count) { Sweep = sweep });
            }

            foreach (var b in r.Series)
            {
                series.Add(new TimeseriesRow(
                    r.Strategy, r.Replication, b.StartSeconds, b.Arrivals, b.Connections, b.Full, b.Resumed, b.ResumptionRate,
                    b.CpuUtilization, b.QueueLengthMax, b.StoreEntries, b.StoreBytes, b.TicketsRejected)
                {
                    Sweep = sweep,
                    CpuUtilServerMax = b.CpuUtilizationByServer.Count == 0 ? 0 : b.CpuUtilizationByServer.Max(),
                    CpuUtilByServer = b.CpuUtilizationByServer,
                    ServersUp = b.ServersUp,
                    CacheLookups = b.CacheLookups,
                    CachePuts = b.CachePuts,
                    CacheFailed = b.CacheFailed,
                    CacheDelayMs = b.CacheDelayMs,
                    StickEvictions = b.StickEvictions,
                });
                for (var s = 0; s < b.CpuUtilizationByServer.Count; s++)
                {
                    servers.Add(new ServerRow(
                        r.Strategy, r.Replication, b.StartSeconds, s + 1, b.CpuUtilizationByServer[s],
                        s < b.FullByServer.Count ? b.FullByServer[s] : 0,
                        s < b.ResumedByServer.Count ? b.ResumedByServer[s] : 0,
                        s < b.ServiceMeanMsByServer.Count ? b.ServiceMeanMsByServer[s] : 0)
                    { Sweep = sweep });
                }
            }

            AddLatency(latency, r, "handshake", r.Handshake, sweep);
            AddLatency(latency, r, "page", r.Page, sweep);
            AddLatency(latency, r, "queue_wait", r.QueueWait, sweep);
        }

        var config = plan.Base;
        var manifest = new RunManifest(
            Version: typeof(ResultTables).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
            Scenario: config.Name,
            ScenarioFile: plan.SourcePath,
            ScenarioSha256: plan.Sha256,
            Seed: config.Seed,
            Replications: config.Replications,
            Strategies: config.Strategies.Select(s => s.Name).ToList(),
            SweepPoints: plan.Points.Count,
            StartedUtc: started,
            WallSeconds: Math.Round(wall.TotalSeconds, 3),
            Machine: MachineInfo.Current(),
            Command: commandLine,
            Shard: shard);
        return new RunOutput
        {
            ScenarioYaml = plan.Text,
            Manifest = manifest,
            Summary = summary,
            Misses = misses,
            Timeseries = series,
            Servers = servers,
            Latency = latency,
        };
    }

    private static IReadOnlyList<SweepCell> SweepCells(ScenarioPlan plan, int point) =>
        plan.Points[point].Values.Select(v => new SweepCell(v.Key, v.Value)).ToList();

    private static SummaryRow Summary(StrategyRunResult r, IReadOnlyList<SweepCell> sweep) => new(
        Strategy: r.Strategy,
        Replication: r.Replication,
        Connections: r.Connections,
        Offered: r.Offered,
        Full: r.Full,
        ResumedId: r.ResumedById,
        ResumedTicket: r.ResumedByTicket,
        ResumedPsk: r.ResumedPsk,
        ZeroRtt: r.ZeroRtt,
        ResumptionRate: r.ResumptionRate,
        ResumptionRateOffered: r.ResumptionRateOffered,
        HandshakeP50Ms: r.Handshake.PercentileMs(50),
        HandshakeP90Ms: r.Handshake.PercentileMs(90),
        HandshakeP99Ms: r.Handshake.PercentileMs(99),
        HandshakeP999Ms: r.Handshake.PercentileMs(99.9),
        PageP50Ms: r.Page.PercentileMs(50),
        PageP90Ms: r.Page.PercentileMs(90),
        PageP99Ms: r.Page.PercentileMs(99),
        PageP999Ms: r.Page.PercentileMs(99.9),
        Pages: r.Pages,
        CpuCoreSeconds: r.CpuCoreSeconds,
        CpuUtilMean: r.CpuUtilMean,
        CpuUtilPeak: r.CpuUtilPeak,
        CoresNeeded: r.CoresNeeded,
        QueueWaitMeanMs: r.QueueWait.MeanMs,
        QueueWaitP99Ms: r.QueueWait.PercentileMs(99),
        StorePeakEntries: r.StorePeakEntries,
        StorePeakBytes: r.StorePeakBytes,
        Evictions: r.Evictions,
        Expirations: r.Expirations,
        TicketsIssued: r.TicketsIssued,
        TicketsRejected: r.TicketsRejected,
        TicketsRenewed: r.TicketsRenewed,
        HandshakeBytes: r.HandshakeBytes,
        ExposureMaxS: r.ExposureMaxSeconds,
        ExposureMeanS: r.ExposureMeanSeconds)
    {
        Sweep = sweep,
        TtfbP50Ms = r.FirstByte.PercentileMs(50),
        TtfbP99Ms = r.FirstByte.PercentileMs(99),
        EarlyDataRejected = r.EarlyDataRejected,
        CpuMsPerPage = r.Pages == 0 ? double.NaN : r.CpuCoreSeconds * 1000 / r.Pages,
        ExposureSessionsMax = r.ExposureSessionsMax,
        WarmupS = r.SteadyState.Warmup.TotalSeconds,
        WarmupMserS = r.SteadyState.Auto?.FoundSeconds ?? double.NaN,
        SteadyState = r.SteadyState.Label,
        Start = r.SteadyState.Start.Label,
        StorePeakLiveEntries = r.StorePeakLiveEntries,
        StorePeakLiveBytes = r.StorePeakLiveBytes,
        CpuHandshakeCoreSeconds = r.CpuHandshakeCoreSeconds,
        CpuHandshakeShare = r.CpuCoreSeconds == 0 ? double.NaN : r.CpuHandshakeCoreSeconds / r.CpuCoreSeconds,
        CoresNeededFractional = r.CoresNeededFractional,
    };

    private static void AddLatency(List<LatencyRow> rows, StrategyRunResult r, string metric, Model.Metrics.LatencyRecorder recorder, IReadOnlyList<SweepCell> sweep)
    {
        long cumulative = 0;
        foreach (var (upperMs, count) in recorder.Buckets())
        {
            cumulative += count;
            rows.Add(new LatencyRow(r.Strategy, r.Replication, metric, upperMs, count, (double)cumulative / recorder.Count) { Sweep = sweep });
        }
    }
}
