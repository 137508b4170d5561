using ResumeSim.Model.Metrics;
using ResumeSim.Model.Steady;

namespace ResumeSim.Model.Runs;

/// <summary>What one strategy measured in one replication (of one sweep point).</summary>
public sealed class StrategyRunResult
{
    public required string Strategy { get; init; }
    public required int Replication { get; init; }
    public required int SweepPoint { get; init; }
    public long Connections { get; init; }

    /// <summary>Connections whose ClientHello offered a session ID or ticket.</summary>
    public long Offered { get; init; }
    public long Full { get; init; }
    public long ResumedById { get; init; }
    public long ResumedByTicket { get; init; }

    /// <summary>TLS 1.3 PSK resumptions, 0-RTT ones included.</summary>
    public long ResumedPsk { get; init; }
    public long ZeroRtt { get; init; }
    public long Pages { get; init; }

    /// <summary>Resumed / all connections of the measured period.</summary>
    public double ResumptionRate => Connections == 0 ? 0 : (double)(ResumedById + ResumedByTicket + ResumedPsk) / Connections;

    /// <summary>Resumed / connections that offered something.</summary>
    public double ResumptionRateOffered => Offered == 0 ? 0 : (double)(ResumedById + ResumedByTicket + ResumedPsk) / Offered;
    public required LatencyRecorder Handshake { get; init; }
    public required LatencyRecorder Page { get; init; }
    public required LatencyRecorder QueueWait { get; init; }

    /// <summary>Connection start to the first response byte (0-RTT saves one RTT here).</summary>
    public LatencyRecorder FirstByte { get; init; } = new();

    /// <summary>0-RTT offered and refused by the server's policy.</summary>
    public long EarlyDataRejected { get; init; }

    /// <summary>Visits that found the client's sessions dropped (churn, network change).</summary>
    public long VisitsWithSessionsDropped { get; init; }
    public double CpuCoreSeconds { get; init; }

    /// <summary>The handshake part of <see cref="CpuCoreSeconds"/> (everything but the per-connection base).</summary>
    public double CpuHandshakeCoreSeconds { get; init; }
    public double CpuUtilMean { get; init; }
    public double CpuUtilPeak { get; init; }
    public int CoresNeeded { get; init; }

    /// <summary>Cores per server by the utilization target alone, unrounded (the busiest server-bucket).</summary>
    public double CoresNeededFractional { get; init; }
    public long StorePeakEntries { get; init; }
    public long StorePeakBytes { get; init; }

    /// <summary>
    /// Peaks of the stores' unexpired entries and their bytes, sampled at bucket ends like
    /// <see cref="StorePeakEntries"/>, which also counts expired entries not swept yet (still in the real
    /// server's memory).
    /// </summary>
    public long StorePeakLiveEntries { get; init; }
    public long StorePeakLiveBytes { get; init; }
    public long Evictions { get; init; }
    public long Expirations { get; init; }
    public long TicketsIssued { get; init; }
    public long TicketsRejected { get; init; }
    public long TicketsRenewed { get; init; }
    public long HandshakeBytes { get; init; }

    /// <summary>
    /// Forward-secrecy exposure, seconds (docs/farm.md): for tickets, how long each key could decrypt
    /// what it sealed (creation to the last holder's erasure, or to the end); for session stores, how
    /// long each master secret stays in memory (put to removal, or to the end). A strategy with
    /// both reports the longer-lived one; NaN without resumption.
    /// </summary>
    public double ExposureMaxSeconds { get; init; }
    public double ExposureMeanSeconds { get; init; }

    /// <summary>Most sessions one ticket key sealed (1 for session stores: one secret per session); NaN without resumption.</summary>
    public double ExposureSessionsMax { get; init; }

    /// <summary>Why full handshakes were not resumptions, by reason name.</summary>
    public required IReadOnlyList<KeyValuePair<string, long>> Misses { get; init; }
    public required IReadOnlyList<TimeBucket> Series { get; init; }
    public long EventsProcessed { get; init; }

    /// <summary>Whether the run started in its stationary state (<c>start: stationary</c>, where exact) rather than empty.</summary>
    public bool StartedStationary { get; init; }

    /// <summary>Valid sessions the strategy's stores evicted for room or refused, over the whole run, warm-up included.</summary>
    public long LiveSessionsDropped { get; init; }

    /// <summary>The warm-up this run used (written or found by MSER-5) and whether its measured window is stationary.</summary>
    public SteadyStateReport SteadyState { get; internal set; } = SteadyStateReport.Unchecked(TimeSpan.Zero);
}
