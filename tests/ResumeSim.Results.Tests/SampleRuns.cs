namespace ResumeSim.Results.Tests;

/// <summary>Hand-built run outputs. Every column gets a distinct value so a swapped column cannot round-trip.</summary>
internal static class SampleRuns
{
    public static readonly SweepCell[] Servers2 = [new("farm.servers", "2"), new("clients.count", "1000")];
    public static readonly SweepCell[] Servers4 = [new("farm.servers", "4"), new("clients.count", "1000")];

    public static SummaryRow Summary(string strategy, int replication, IReadOnlyList<SweepCell> sweep, int salt = 0)
    {
        var k = 1000 * (replication + 1) + salt;
        return new SummaryRow(
            strategy, replication,
            Connections: k + 1, Offered: k + 2, Full: k + 3, ResumedId: k + 4, ResumedTicket: k + 5, ResumedPsk: k + 6, ZeroRtt: k + 7,
            ResumptionRate: 0.1 + replication / 7.0, ResumptionRateOffered: 0.2 + replication / 3.0,
            HandshakeP50Ms: 10.5, HandshakeP90Ms: 11.25, HandshakeP99Ms: 12.125, HandshakeP999Ms: 1.0 / 3.0,
            PageP50Ms: 20.5, PageP90Ms: 21.5, PageP99Ms: 22.5, PageP999Ms: 1e-300,
            Pages: k + 8,
            CpuCoreSeconds: 123.456789012345678, CpuUtilMean: 0.3, CpuUtilPeak: 0.95, CoresNeeded: 7,
            QueueWaitMeanMs: 0.125, QueueWaitP99Ms: double.NaN,
            StorePeakEntries: k + 9, StorePeakBytes: long.MaxValue, Evictions: k + 10, Expirations: k + 11,
            TicketsIssued: k + 12, TicketsRejected: k + 13, TicketsRenewed: k + 14, HandshakeBytes: k + 15,
            ExposureMaxS: 64800, ExposureMeanS: -0.0)
        {
            Sweep = sweep,
            TtfbP50Ms = 30.5,
            TtfbP99Ms = 31.25,
            EarlyDataRejected = k + 16,
            CpuMsPerPage = 2.5,
            ExposureSessionsMax = 1200,
            WarmupS = 7200,
            WarmupMserS = 3294.5,
            SteadyState = "reached",
            Start = "stationary",
            StorePeakLiveEntries = k + 17,
            StorePeakLiveBytes = long.MaxValue - 1,
            CpuHandshakeCoreSeconds = 61.5,
            CpuHandshakeShare = 61.5 / 123.456789012345678,
            CoresNeededFractional = 6.0625,
        };
    }

    public static RunManifest Manifest() => new(
        Version: "0.1.0",
        Scenario: "quickstart",
        ScenarioFile: "scenarios/quickstart.yaml",
        ScenarioSha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        Seed: 18446744073709551615UL,
        Replications: 2,
        Strategies: ["ids-per-server", "tickets, \"shared\" key"],
        SweepPoints: 2,
        StartedUtc: new DateTimeOffset(2026, 11, 27, 8, 30, 15, 250, TimeSpan.Zero),
        WallSeconds: 12.5,
        Machine: new MachineInfo("Debian GNU/Linux 12", "X64", 2, ".NET 10.0.0"),
        Command: "resumesim run scenarios/quickstart.yaml --seed 1");

    /// <summary>Two strategies (one with a comma and quotes in its name) x two sweep points x two replications.</summary>
    public static RunOutput Full()
    {
        var summary = new List<SummaryRow>();
        var misses = new List<MissRow>();
        var timeseries = new List<TimeseriesRow>();
        var latency = new List<LatencyRow>();
        var servers = new List<ServerRow>();
        foreach (var strategy in new[] { "ids-per-server", "tickets, \"shared\" key" })
        {
            foreach (var sweep in new[] { Servers2, Servers4 })
            {
                for (var rep = 0; rep < 2; rep++)
                {
                    summary.Add(Summary(strategy, rep, sweep, salt: sweep == Servers2 ? 0 : 500));
                    misses.Add(new MissRow(strategy, rep, "unknown-id", 17 + rep) { Sweep = sweep });
                    misses.Add(new MissRow(strategy, rep, "not-offered", 3) { Sweep = sweep });
                    for (var b = 0; b < 3; b++)
                    {
                        timeseries.Add(new TimeseriesRow(strategy, rep, b * 10.0, 100 + b, 90 + b, 30, 60 + b, (60.0 + b) / (90 + b),
                            0.25 + b / 100.0, b, 5000 + b, 1_920_000 + b, b)
                        {
                            Sweep = sweep,
                            CpuUtilServerMax = 0.3 + b / 100.0,
                            CpuUtilByServer = [0.2, 0.3 + b / 100.0, 1.0 / 3],
                            ServersUp = 3 - b,
                            CacheLookups = 40 + b,
                            CachePuts = 20,
                            CacheFailed = b,
                            CacheDelayMs = 0.5 + b,
                            StickEvictions = 2 * b,
                        });
                        servers.Add(new ServerRow(strategy, rep, b * 10.0, 1, 0.2, 10 + b, 30, 1.25) { Sweep = sweep });
                        servers.Add(new ServerRow(strategy, rep, b * 10.0, 2, 1.0 / 3, 0, 0, 0) { Sweep = sweep });
                    }

                    latency.AddRange(LatencyHistogram.ToRows(strategy, rep, sweep, "handshake", [(1.5, 10), (3.0, 20), (80.125, 70)]));
                    latency.AddRange(LatencyHistogram.ToRows(strategy, rep, sweep, "queue_wait", [(0.0, 90), (0.5, 10)]));
                }
            }
        }

        return new RunOutput
        {
            ScenarioYaml = "name: quickstart\nseed: 1\n# résumé ✓\n",
            Manifest = Manifest(),
            Summary = summary,
            Misses = misses,
            Timeseries = timeseries,
            Servers = servers,
            Latency = latency,
        };
    }
}
