using ResumeSim.Model.Metrics;
using ResumeSim.Tls;

namespace ResumeSim.Model.Completion;

/// <summary>Counts what completes in the measured period (connections by outcome and miss, first bytes, pages) into the metrics recorder.</summary>
internal sealed class CompletionTally(MetricsRecorder metrics)
{
    /// <summary>
    /// A measured connection completed: its handshake began at <paramref name="start"/> on
    /// <paramref name="server"/> and the client was ready at <paramref name="ready"/>. A wait-for-first connection of a measured visit may start after the
    /// end: it counts in the last bucket.
    /// </summary>
    public void Connection(long start, int server, bool offered, HandshakeResult result, MissReason miss, long ready)
    {
        var m = metrics;
        var bucket = m.BucketOf(Math.Min(start, m.End - 1));
        m.Connections++;
        m.Series.Connections[bucket]++;
        if (offered)
        {
            m.Offered++;
        }

        switch (result.Outcome)
        {
            case HandshakeOutcome.Full:
                m.Full++;
                m.Series.Full[bucket]++;
                break;
            case HandshakeOutcome.ResumedById:
                m.ResumedById++;
                m.Series.Resumed[bucket]++;
                break;
            case HandshakeOutcome.ResumedByTicket:
                m.ResumedByTicket++;
                m.Series.Resumed[bucket]++;
                break;
            case HandshakeOutcome.ZeroRtt:
                m.ZeroRtt++;
                m.ResumedPsk++;
                m.Series.Resumed[bucket]++;
                break;
            default:
                m.ResumedPsk++;
                m.Series.Resumed[bucket]++;
                break;
        }

        m.CountHandshake(server, bucket, result.Outcome == HandshakeOutcome.Full);
        if (result.Outcome == HandshakeOutcome.Full)
        {
            m.Misses[(int)miss]++;
        }

        if (result.TicketStatus is { } status && status != TicketOpenStatus.Ok)
        {
            m.TicketsRejected++;
            m.Series.TicketsRejected[bucket]++;
        }

        if (result.TicketRenewed)
        {
            m.TicketsRenewed++;
        }

        m.TicketsIssued += result.NewTickets.Count;
        m.HandshakeBytes += result.ClientHelloBytes + result.ServerFlightBytes + result.ClientFlightBytes;
        m.Handshake.Record(ready - start);
    }

    /// <summary>A measured connection that began at <paramref name="start"/> had its first response byte at <paramref name="firstByte"/>.</summary>
    public void FirstByte(long start, long firstByte, HandshakeResult result)
    {
        metrics.FirstByte.Record(firstByte - start);
        if (result.EarlyData is not (EarlyDataStatus.NotOffered or EarlyDataStatus.Accepted))
        {
            metrics.EarlyDataRejected++;
        }
    }

    /// <summary>A measured page visit that began at <paramref name="start"/> was ready at <paramref name="ready"/>.</summary>
    public void Page(long start, long ready)
    {
        metrics.Pages++;
        metrics.Page.Record(ready - start);
    }
}
