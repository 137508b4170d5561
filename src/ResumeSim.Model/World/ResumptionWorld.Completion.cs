using ResumeSim.Model.Completion;
using ResumeSim.Tls;

namespace ResumeSim.Model.World;

/// <summary>A handshake completes: the client keeps what it was issued, waiting connections start, the page may be ready.</summary>
internal sealed partial class ResumptionWorld
{
    /// <summary>
    /// Whether the completion of <paramref name="c"/> only counts it, so it can be done now, with its
    /// completion time, instead of as an event: the client keeps nothing, no balancer learns or counts
    /// anything, no connection waits for it, and nobody observes completions one by one. The counts
    /// are sums, maxima and histograms, which do not depend on the order they are added in (a page is
    /// ready at its latest completion, <see cref="PageVisit.Ready"/>). At scale nine handshakes in ten
    /// are such resumptions.
    /// </summary>
    private bool CompletionTouchesNothingShared(in Connection c, HandshakeResult result) =>
        !c.Keeps
        && c.Waiters == 0
        && result.NewSessionId.IsEmpty
        && !_balancer.CountsHandshakesInFlight
        && Observer is null
        && PageObserver is null;

    private void OnHandshakeDone(int connection, long now)
    {
        ref var c = ref _connections[connection];
        var result = c.Result!;
        _lastCompletion = Math.Max(_lastCompletion, now);
        _servers[c.Server].ActiveHandshakes--;
        var preset = _kinds[c.Kind].Preset;
        if (c.Keeps)
        {
            _issuers.Record(c.Client, c.Host, c.Server, c.Worker);
            _caches.Keep(c.Client, preset, c.Host, result, c.HasOffer ? c.Offer : null, now);
        }

        if (!result.NewSessionId.IsEmpty)
        {
            _balancer.OnSessionIssued(result.NewSessionId, c.Server, now);
        }

        // The client may send its request once it is ready; the session it keeps and the connections
        // waiting on this one need the server's Finished, which comes at `now`.
        var ready = FlightTiming.FalseStarts(preset, result) ? now - c.RttTicks : now;
        var miss = !c.HasOffer && result.Outcome == HandshakeOutcome.Full ? c.NoOffer : c.Miss;
        if (c.Measured)
        {
            _tally.Connection(c.Start, c.Server, c.HasOffer, result, miss, ready);
        }

        Observer?.Invoke(new ConnectionRecord(c.Client, c.Host, c.Server, c.Start, ready, now, result.Outcome, miss, c.HasOffer, c.Measured));

        ref var visit = ref _pages[c.Page];
        visit.Open--;
        visit.Ready = Math.Max(visit.Ready, ready);
        OnConnectionReady(ref visit, c, result, ready);

        // wait-for-first: the first handshake to the host is done; the others start now and
        // find its session (or its tickets) in the client's cache.
        var ordinal = c.Ordinal;
        for (var k = 1; k <= c.Waiters; k++)
        {
            OpenConnection(c.Client, c.Host, c.Page, ordinal + k, now, c.Measured);
        }

        if (visit.Open == 0)
        {
            if (visit.Measured)
            {
                _tally.Page(visit.Start, visit.Ready);
            }

            PageObserver?.Invoke(new PageRecord(visit.Client, visit.Visit, visit.Start, visit.Ready, visit.Connections, visit.Full, visit.Offered, visit.FirstByte, visit.SessionsDropped));
            _pages.Release(c.Page);
        }

        result.Recycle();
        _connections.Release(connection);
    }

    /// <summary>
    /// A connection's handshake is done: the client sends its first request now and has the first
    /// response byte one RTT later, unless the server accepted it as 0-RTT early data with the
    /// ClientHello, in which case the response came with the server's flight (RFC 8446 2.3).
    /// </summary>
    private void OnConnectionReady(ref PageVisit visit, in Connection c, HandshakeResult result, long now)
    {
        var firstByte = result.Outcome == HandshakeOutcome.ZeroRtt ? now : now + c.RttTicks;
        visit.FirstByte = Math.Min(visit.FirstByte, firstByte);
        visit.Connections++;
        visit.Full += result.Outcome == HandshakeOutcome.Full ? 1 : 0;
        visit.Offered += c.HasOffer ? 1 : 0;
        if (c.Measured)
        {
            _tally.FirstByte(c.Start, firstByte, result);
        }
    }
}
