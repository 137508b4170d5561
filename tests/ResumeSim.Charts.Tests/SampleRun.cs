using ResumeSim.Results;

namespace ResumeSim.Charts.Tests;

/// <summary>
/// Hand-built runs with plausible numbers: three strategies, three replications, optional sweeps,
/// 10-second time buckets and HdrHistogram-like latency buckets.
/// </summary>
internal static class SampleRun
{
    public static readonly string[] Strategies = ["ids-per-server", "tickets-shared-key", "no-resumption"];

    /// <summary>A run over the given sweep grid (each point a list of cells); no sweep with one empty point.</summary>
    public static RunOutput Build(IReadOnlyList<SweepCell[]> points, int replications = 3, bool latency = true, bool timeseries = true, bool store = true)
    {
        var summary = new List<SummaryRow>();
        var series = new List<TimeseriesRow>();
        var latencyRows = new List<LatencyRow>();
        for (var s = 0; s < Strategies.Length; s++)
        {
            var strategy = Strategies[s];
            for (var p = 0; p < points.Count; p++)
            {
                for (var rep = 0; rep < replications; rep++)
                {
                    var noise = (rep - 1) * 0.01;
                    var rate = s == 2 ? 0 : Math.Min(0.95, 0.5 + (0.1 * p) + (0.1 * s) + noise);
                    var storeBytes = store && s == 0 ? 384L * 1000 * (p + 1) : 0;
                    summary.Add(Summary(strategy, rep, rate, 4 + s + p + rep, storeBytes) with { Sweep = points[p] });
                    if (timeseries)
                    {
                        for (var b = 0; b < 12; b++)
                        {
                            var util = 0.2 + (0.05 * s) + (b == 6 ? 0.3 : 0) + noise;
                            series.Add(new TimeseriesRow(strategy, rep, b * 10.0, 100, 120, 60, 60, rate, util, 3, 1000, storeBytes * b / 12, 0) { Sweep = points[p], CpuUtilByServer = [util * 0.8, util * 1.2] });
                        }
                    }

                    if (latency)
                    {
                        // Resumed handshakes around 2 RTT (80 ms), full ones around 3 RTT (120 ms) and a queueing tail.
                        (double, long)[] buckets = [(10, 0), (40, 0), (80, (long)(rate * 1000)), (120, (long)((1 - rate) * 1000) + 1), (400, 20 + rep), (2000, 2)];
                        latencyRows.AddRange(LatencyHistogram.ToRows(strategy, rep, points[p], "handshake", buckets));
                        latencyRows.AddRange(LatencyHistogram.ToRows(strategy, rep, points[p], "page", buckets.Select(b => (b.Item1 * 2, b.Item2)).ToList()));
                    }
                }
            }
        }

        return new RunOutput
        {
            ScenarioYaml = "name: charts-test\n",
            Manifest = new RunManifest("0.1.0", "charts-test", null, new string('0', 64), 7, replications, Strategies, points.Count,
                new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero), 1.5, new MachineInfo("test", "X64", 2, ".NET 10"), "resumesim run test.yaml"),
            Summary = summary,
            Timeseries = series,
            Latency = latencyRows,
        };
    }

    public static RunOutput NoSweep(int replications = 3) => Build([[]], replications);

    public static RunOutput ServersSweep() => Build([[new("farm.servers", "2")], [new("farm.servers", "4")], [new("farm.servers", "8")]]);

    public static RunOutput BalancerSweep() =>
        Build([[new("farm.balancer", "round-robin")], [new("farm.balancer", "session-sticky")], [new("farm.balancer", "source-hash")]]);

    public static RunOutput ClientsAndServersSweep() => Build(
    [
        [new("clients.count", "1000"), new("farm.servers", "2")],
        [new("clients.count", "1000"), new("farm.servers", "4")],
        [new("clients.count", "5000"), new("farm.servers", "2")],
        [new("clients.count", "5000"), new("farm.servers", "4")],
    ]);

    private static SummaryRow Summary(string strategy, int replication, double rate, double cores, long storeBytes) => new(
        strategy, replication,
        Connections: 10000, Offered: 8000, Full: (long)(10000 * (1 - rate)), ResumedId: (long)(10000 * rate), ResumedTicket: 0, ResumedPsk: 0, ZeroRtt: 0,
        ResumptionRate: rate, ResumptionRateOffered: rate / 0.8,
        HandshakeP50Ms: 80 + (40 * (1 - rate)), HandshakeP90Ms: 120, HandshakeP99Ms: 300 - (100 * rate) + replication, HandshakeP999Ms: 900,
        PageP50Ms: 160, PageP90Ms: 240, PageP99Ms: 600, PageP999Ms: 1800,
        Pages: 3000, CpuCoreSeconds: 50 * (1.5 - rate), CpuUtilMean: 0.2 + (0.2 * (1 - rate)), CpuUtilPeak: 0.6, CoresNeeded: cores,
        QueueWaitMeanMs: 0.5, QueueWaitP99Ms: 4,
        StorePeakEntries: storeBytes / 384, StorePeakBytes: storeBytes, Evictions: 0, Expirations: 10,
        TicketsIssued: 0, TicketsRejected: 0, TicketsRenewed: 0, HandshakeBytes: 4_000_000, ExposureMaxS: 0, ExposureMeanS: 0);
}
