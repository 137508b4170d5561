using ResumeSim.Engine;
using ResumeSim.Model.Capacity;
using ResumeSim.Model.Configuration;
using ResumeSim.Model.Runs;
using ResumeSim.Model.Servers;
using ResumeSim.Model.Steady;
using ResumeSim.Tls;

namespace ResumeSim.Model.Metrics;

/// <summary>Turns what the recorder gathered over a run into a <see cref="StrategyRunResult"/>.</summary>
internal sealed class RunResultBuilder(ScenarioConfig scenario, StrategyConfig strategy, MetricsRecorder metrics, ResumptionSetup setup)
{
    /// <summary>What the run knows beyond the recorder and the stores.</summary>
    /// <param name="ServersCreated">Servers the farm made (the initial ones and every scale-out's).</param>
    /// <param name="AtWarmupEnd">The stores' counts when warm-up ended.</param>
    /// <param name="Exposure">The strategy's forward-secrecy exposure.</param>
    /// <param name="EventsProcessed">Events the simulation ran.</param>
    /// <param name="StartedStationary">Whether the run started in its stationary state.</param>
    public readonly record struct RunFacts(int ServersCreated, WarmupSnapshot AtWarmupEnd, ExposureReport.Figures Exposure, long EventsProcessed, bool StartedStationary);

    /// <summary>The result of the run for <paramref name="replication"/> at <paramref name="sweepPoint"/>.</summary>
    public StrategyRunResult Build(int replication, int sweepPoint, in RunFacts facts)
    {
        var m = metrics;
        var cores = scenario.Farm.Cores;
        double busyTotal = 0;
        double uptimeTotal = 0;
        double peakFarm = 0;
        double peakServerBucket = 0;
        var coresNeeded = 1;
        var coresFractional = 0.0;
        var output = scenario.Output;
        var series = new TimeBucket[m.Buckets];
        long storePeakEntries = 0;
        long storePeakBytes = 0;
        long storePeakLiveEntries = 0;
        long storePeakLiveBytes = 0;
        for (var b = 0; b < m.Buckets; b++)
        {
            double farmBusy = 0;
            var byServer = new double[facts.ServersCreated];
            var fullByServer = new long[facts.ServersCreated];
            var resumedByServer = new long[facts.ServersCreated];
            var serviceMsByServer = new double[facts.ServersCreated];
            for (var s = 0; s < m.Servers; s++)
            {
                var busy = m.BusyNanos(s, b);
                farmBusy += busy;
                if (s < facts.ServersCreated)
                {
                    byServer[s] = busy / ((double)m.BucketLength(b) * cores);
                    fullByServer[s] = m.FullOf(s, b);
                    resumedByServer[s] = m.ResumedOf(s, b);
                    serviceMsByServer[s] = m.Services(s, b).Mean / SimTime.TicksPerMillisecond;
                }

                peakServerBucket = Math.Max(peakServerBucket, busy / m.BucketLength(b));
                coresNeeded = Math.Max(coresNeeded, CoresFor(m, s, b, busy, output));
                coresFractional = Math.Max(coresFractional, busy / m.BucketLength(b) / output.TargetUtilization);
            }

            busyTotal += farmBusy;
            uptimeTotal += m.Uptime(b);
            var util = m.Uptime(b) == 0 ? 0 : farmBusy / (m.Uptime(b) * cores);
            peakFarm = Math.Max(peakFarm, util);
            var connections = m.Series.Connections[b];
            var resumed = m.Series.Resumed[b];
            series[b] = new TimeBucket(
                SimTime.ToSeconds(b * m.BucketTicks),
                m.Series.Arrivals[b],
                connections,
                m.Series.Full[b],
                resumed,
                connections == 0 ? 0 : (double)resumed / connections,
                util,
                m.Series.QueueLengthMax[b],
                m.Series.StoreEntries[b],
                m.Series.StoreBytes[b],
                m.Series.TicketsRejected[b])
            {
                CpuUtilizationByServer = byServer,
                FullByServer = fullByServer,
                ResumedByServer = resumedByServer,
                ServiceMeanMsByServer = serviceMsByServer,
                ServersUp = m.Series.ServersUp[b],
                CacheLookups = m.Series.CacheLookups[b],
                CachePuts = m.Series.CachePuts[b],
                CacheFailed = m.Series.CacheFailed[b],
                CacheDelayMs = CacheDelayMs(m, b),
                StickEvictions = m.Series.StickEvictions[b],
            };
            storePeakEntries = Math.Max(storePeakEntries, m.Series.StoreEntries[b]);
            storePeakBytes = Math.Max(storePeakBytes, m.Series.StoreBytes[b]);
            storePeakLiveEntries = Math.Max(storePeakLiveEntries, m.Series.StoreLiveEntries[b]);
            storePeakLiveBytes = Math.Max(storePeakLiveBytes, m.Series.StoreLiveBytes[b]);
        }

        var (evictions, expirations, _) = WarmupSnapshot.Take(setup);
        var exposure = facts.Exposure;
        return new StrategyRunResult
        {
            Strategy = strategy.Name,
            Replication = replication,
            SweepPoint = sweepPoint,
            Connections = m.Connections,
            Offered = m.Offered,
            Full = m.Full,
            ResumedById = m.ResumedById,
            ResumedByTicket = m.ResumedByTicket,
            ResumedPsk = m.ResumedPsk,
            ZeroRtt = m.ZeroRtt,
            Pages = m.Pages,
            Handshake = m.Handshake,
            Page = m.Page,
            QueueWait = m.QueueWait,
            FirstByte = m.FirstByte,
            EarlyDataRejected = m.EarlyDataRejected,
            VisitsWithSessionsDropped = m.VisitsWithSessionsDropped,
            CpuCoreSeconds = busyTotal / SimTime.TicksPerSecond,
            CpuHandshakeCoreSeconds = m.HandshakeBusyNanos / SimTime.TicksPerSecond,
            CpuUtilMean = busyTotal / (uptimeTotal * cores),
            CpuUtilPeak = peakFarm,
            CoresNeeded = coresNeeded,
            CoresNeededFractional = coresFractional,
            StorePeakEntries = storePeakEntries,
            StorePeakBytes = storePeakBytes,
            StorePeakLiveEntries = storePeakLiveEntries,
            StorePeakLiveBytes = storePeakLiveBytes,
            Evictions = evictions - facts.AtWarmupEnd.Evictions,
            Expirations = expirations - facts.AtWarmupEnd.Expirations,
            TicketsIssued = m.TicketsIssued,
            TicketsRejected = m.TicketsRejected,
            TicketsRenewed = m.TicketsRenewed,
            HandshakeBytes = m.HandshakeBytes,
            ExposureMaxSeconds = exposure.MaxSeconds,
            ExposureMeanSeconds = exposure.MeanSeconds,
            ExposureSessionsMax = exposure.SessionsMax,
            Misses = MissTable(),
            Series = series,
            EventsProcessed = facts.EventsProcessed,
            SteadyState = SteadyStateReport.Unchecked(scenario.Warmup),
            StartedStationary = facts.StartedStationary,
            LiveSessionsDropped = LiveSessionsDropped(),
        };
    }

    /// <summary>
    /// Cores one server needs for what it saw in one bucket: at most the target utilization, and when
    /// the scenario sets <c>output.target_queue_wait_p99</c>, an approximate p99 wait for a core at or
    /// below it (docs/model.md, Metrics).
    /// </summary>
    private static int CoresFor(MetricsRecorder m, int server, int bucket, double busy, OutputConfig output)
    {
        var seconds = SimTime.ToSeconds(m.BucketLength(bucket));
        var cores = CoresNeeded.ForUtilization(busy / m.BucketLength(bucket), output.TargetUtilization);
        if (output.TargetQueueWaitP99 is { } wait)
        {
            var services = m.Services(server, bucket);
            cores = Math.Max(cores, CoresNeeded.ForWaitP99(services.Count / seconds, SimTime.ToSeconds((long)services.Mean), services.SquaredCoefficientOfVariation, wait.TotalSeconds));
        }

        return cores;
    }

    private List<KeyValuePair<string, long>> MissTable()
    {
        var table = new List<KeyValuePair<string, long>>();
        foreach (var reason in Enum.GetValues<MissReason>())
        {
            if (reason != MissReason.None && metrics.Misses[(int)reason] > 0)
            {
                table.Add(new(MissNames.Of(reason), metrics.Misses[(int)reason]));
            }
        }

        return table;
    }

    private static double CacheDelayMs(MetricsRecorder m, int bucket)
    {
        var ops = m.Series.CacheLookups[bucket] + m.Series.CachePuts[bucket];
        return ops == 0 ? 0 : SimTime.ToMilliseconds(m.Series.CacheDelay[bucket]) / ops;
    }

    /// <summary>Valid sessions any store of this strategy evicted for room or refused, over the whole run.</summary>
    private long LiveSessionsDropped()
    {
        long dropped = 0;
        foreach (var store in setup.Stores)
        {
            dropped += store.Counters.EvictedForCapacity + store.Counters.Skipped;
        }

        return dropped;
    }
}
