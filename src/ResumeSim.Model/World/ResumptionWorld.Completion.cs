using ResumeSim.Tls;

namespace ResumeSim.Model.World;

/// <summary>What happens when a handshake completes, and the periodic samples.</summary>
internal sealed partial class ResumptionWorld
{
    private void OnHandshakeDone(int connection, long now)
    {
        ref var c = ref _connections[connection];
        var result = c.Result!;
        _lastCompletion = Math.Max(_lastCompletion, now);
        _servers[c.Server].ActiveHandshakes--;
        KeepIssuedSessions(c, result, now);
        if (!result.NewSessionId.IsEmpty)
        {
            _balancer.OnSessionIssued(result.NewSessionId, c.Server, now);
        }

        // The client may send its request once it is ready; the session it keeps and the connections
        // waiting on this one need the server's Finished, which comes at `now`.
        var ready = FalseStarts(c, result) ? now - c.RttTicks : now;
        var miss = !c.HasOffer && result.Outcome == HandshakeOutcome.Full ? c.NoOffer : c.Miss;
        if (c.Measured)
        {
            Count(c, result, miss, ready);
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
                _metrics.Pages++;
                _metrics.Page.Record(visit.Ready - visit.Start);
            }

            OnPageReady(visit);

            _pages.Release(c.Page);
        }

        result.Recycle();
        _connections.Release(connection);
    }

    /// <summary>
    /// Whether the client of <paramref name="c"/> False Starts this handshake (RFC 7918): a full TLS 1.2
    /// handshake, whose ECDHE key exchange and AEAD suite (<c>TlsServerState</c> picks ECDHE-*-AES128-GCM)
    /// and negotiated ALPN (web servers answer it) meet Chrome's and Firefox's conditions, so the request
    /// leaves with the client's Finished, one round trip before the server's Finished arrives.
    /// </summary>
    private bool FalseStarts(in Connection c, HandshakeResult result) =>
        result.Outcome == HandshakeOutcome.Full && result.Version == TlsVersion.Tls12 && _kinds[c.Kind].Preset.FalseStart;

    /// <summary>Whether the client of <paramref name="c"/> keeps anything <paramref name="result"/> issued.</summary>
    private bool Keeps(in Connection c, HandshakeResult result) =>
        _kinds[c.Kind].Preset is { Resumes: true } preset
        && (result.NewTickets.Count > 0 || (!result.NewSessionId.IsEmpty && preset.OffersSessionIds));

    /// <summary>The client keeps what the server issued: a session ID, a renewed ticket, TLS 1.3 tickets.</summary>
    private void KeepIssuedSessions(in Connection c, HandshakeResult result, long now)
    {
        if (!c.Keeps)
        {
            return;
        }

        var preset = _kinds[c.Kind].Preset;
        _issuedBy[(c.Client * _hosts) + c.Host] = IssuerOf(c.Server, c.Worker);
        var sessions = ClientSession.CountFromHandshake(result);
        for (var i = 0; i < sessions; i++)
        {
            var session = HeldSession.FromHandshake(result, i, now, c.HasOffer ? c.Offer : null, out var ticket);
            _sessions.Put(c.Client, preset, c.Host, session, ticket, now);
        }
    }

    private void Count(in Connection c, HandshakeResult result, MissReason miss, long now)
    {
        // A wait-for-first connection of a measured visit may start after the end: it counts in the last bucket.
        var bucket = _metrics.BucketOf(Math.Min(c.Start, _metrics.End - 1));
        _metrics.Connections++;
        _metrics.Series.Connections[bucket]++;
        if (c.HasOffer)
        {
            _metrics.Offered++;
        }

        switch (result.Outcome)
        {
            case HandshakeOutcome.Full:
                _metrics.Full++;
                _metrics.Series.Full[bucket]++;
                break;
            case HandshakeOutcome.ResumedById:
                _metrics.ResumedById++;
                _metrics.Series.Resumed[bucket]++;
                break;
            case HandshakeOutcome.ResumedByTicket:
                _metrics.ResumedByTicket++;
                _metrics.Series.Resumed[bucket]++;
                break;
            case HandshakeOutcome.ZeroRtt:
                _metrics.ZeroRtt++;
                _metrics.ResumedPsk++;
                _metrics.Series.Resumed[bucket]++;
                break;
            default:
                _metrics.ResumedPsk++;
                _metrics.Series.Resumed[bucket]++;
                break;
        }

        _metrics.CountHandshake(c.Server, bucket, result.Outcome == HandshakeOutcome.Full);
        if (result.Outcome == HandshakeOutcome.Full)
        {
            _metrics.Misses[(int)miss]++;
        }

        if (result.TicketStatus is { } status && status != TicketOpenStatus.Ok)
        {
            _metrics.TicketsRejected++;
            _metrics.Series.TicketsRejected[bucket]++;
        }

        if (result.TicketRenewed)
        {
            _metrics.TicketsRenewed++;
        }

        _metrics.TicketsIssued += result.NewTickets.Count;
        _metrics.HandshakeBytes += result.ClientHelloBytes + result.ServerFlightBytes + result.ClientFlightBytes;
        _metrics.Handshake.Record(now - c.Start);
    }

    private void OnBucketEnd(int bucket, long now)
    {
        long entries = 0;
        long bytes = 0;
        long liveEntries = 0;
        long liveBytes = 0;
        foreach (var store in _setup.Stores)
        {
            entries += store.Count;
            bytes += store.Bytes;
            var live = store.Live(now);
            liveEntries += live.Entries;
            liveBytes += live.Bytes;
        }

        _metrics.Series.StoreEntries[bucket] = entries;
        _metrics.Series.StoreBytes[bucket] = bytes;
        _metrics.Series.StoreLiveEntries[bucket] = liveEntries;
        _metrics.Series.StoreLiveBytes[bucket] = liveBytes;
        for (var s = 0; s < _created; s++)
        {
            _metrics.Series.QueueLengthMax[bucket] = Math.Max(_metrics.Series.QueueLengthMax[bucket], _servers[s].QueueLength);
        }

        SampleFarm(bucket);

        if (bucket + 1 < _metrics.Buckets)
        {
            _sim.Schedule(Math.Min(_end, now + _metrics.BucketTicks), EventKinds.BucketEnd, bucket + 1);
        }
    }
}
