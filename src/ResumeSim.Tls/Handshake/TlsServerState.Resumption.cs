namespace ResumeSim.Tls;

/// <summary>The resumption decision, shaped like Go's <c>checkForResumption</c>: a straight run of guard clauses.</summary>
public sealed partial class TlsServerState
{
    /// <summary>TLS 1.2: ticket first (RFC 5077 3.4), else session id (RFC 5246 7.4.1.2).</summary>
    private Check CheckForResumption12(in ClientHello hello, long now)
    {
        bool offersTicket = !hello.Ticket.IsEmpty && hello.SupportsTickets;
        bool offersId = !hello.SessionId.IsEmpty;
        if (!offersTicket && !offersId)
        {
            return Check.Miss(MissReason.NotOffered); // nothing to resume
        }

        if (offersTicket && options.Tickets)
        {
            // RFC 5077 3.4: a ticket that fails to verify means a full handshake; OpenSSL then does
            // not fall back to the session id the client sent with it.
            var status = tickets!.TryOpen(hello.Ticket.Span, now, out var fromTicket, out bool renew);
            if (status != TicketOpenStatus.Ok)
            {
                return Check.Miss(FromTicketStatus(status), status);
            }

            if (fromTicket!.Version != TlsVersion.Tls12)
            {
                return Check.Miss(MissReason.VersionMismatch, status); // RFC 5246 E.1: resume only the same version
            }

            if (!SameServerName(fromTicket, hello))
            {
                return Check.Miss(MissReason.ServerNameMismatch, status); // RFC 6066 3: SNI must match the session's
            }

            return Check.Resumed(HandshakeOutcome.ResumedByTicket, fromTicket, status, renew);
        }

        if (!offersId)
        {
            return Check.Miss(MissReason.ResumptionDisabled); // only a ticket offered, and tickets are off
        }

        if (!options.SessionIds || !store.CanCache)
        {
            return Check.Miss(MissReason.ResumptionDisabled); // ids are not cached here
        }

        var lookup = store.TryGet(hello.SessionId, now, out var stored);
        if (lookup is not (StoreLookup.Hit or StoreLookup.Expired))
        {
            return Check.Miss(WhyNotHeld(lookup), lookup: lookup); // RFC 5246 7.4.1.2: unknown id, new session
        }

        if (lookup == StoreLookup.Expired || stored!.IsExpired(now))
        {
            return Check.Miss(MissReason.SessionExpired, lookup: lookup); // RFC 5246 F.1.4: bounded session lifetime
        }

        if (stored.Version != TlsVersion.Tls12)
        {
            return Check.Miss(MissReason.VersionMismatch, lookup: lookup); // RFC 5246 E.1
        }

        if (!SameServerName(stored, hello))
        {
            return Check.Miss(MissReason.ServerNameMismatch, lookup: lookup); // RFC 6066 3
        }

        return Check.Resumed(HandshakeOutcome.ResumedById, stored, lookup: lookup);
    }

    /// <summary>TLS 1.3: PSK from a stateless ticket, or from the store (stateful, single use) when tickets are off.</summary>
    private Check CheckForResumption13(in ClientHello hello, long now)
    {
        if (hello.Ticket.IsEmpty)
        {
            return Check.Miss(MissReason.NotOffered); // no pre_shared_key extension
        }

        bool stateless = options.Tickets && !options.SingleUseTls13Tickets;
        if (!stateless && !((options.SessionIds || options.SingleUseTls13Tickets) && store.CanCache))
        {
            return Check.Miss(MissReason.ResumptionDisabled); // the server keeps no resumption state
        }

        bool clientDhe = (hello.PskModes & PskModes.PskDheKe) != 0;
        bool usableKe = (hello.PskModes & PskModes.PskKe) != 0 && options.AllowPskKe;
        bool dhe = clientDhe && (options.PreferPskDhe || !usableKe);
        if (!clientDhe && !usableKe)
        {
            return Check.Miss(MissReason.NoCommonPskMode); // RFC 8446 4.2.9: no mode we accept, no PSK
        }

        SessionState? state;
        TicketOpenStatus? status = null;
        StoreLookup? lookup = null;
        bool renew = false;
        if (stateless)
        {
            var opened = tickets!.TryOpen(hello.Ticket.Span, now, out state, out renew);
            status = opened;
            if (opened != TicketOpenStatus.Ok)
            {
                return Check.Miss(FromTicketStatus(opened), opened); // RFC 8446 4.2.11: unusable identity, full handshake
            }
        }
        else
        {
            if (hello.Ticket.Length != SessionId.Length)
            {
                return Check.Miss(MissReason.TicketInvalid); // a stateful ticket is a 32 B id
            }

            // OpenSSL's anti-replay removes the entry it resumes (tls_parse_ctos_psk: SSL_CTX_remove_session), so
            // each ticket is used once (RFC 8446 8.1); a stateful ticket without it stays until it expires or is evicted.
            var id = SessionId.FromBytes(hello.Ticket.Span);
            var found = options.SingleUseTls13Tickets ? store.Take(id, now, out state) : store.TryGet(id, now, out state);
            lookup = found;
            if (found != StoreLookup.Hit)
            {
                return Check.Miss(found == StoreLookup.Expired ? MissReason.SessionExpired : WhyNotHeld(found), lookup: found);
            }
        }

        if (state!.Version != TlsVersion.Tls13)
        {
            return Check.Miss(MissReason.VersionMismatch, status, lookup); // RFC 8446 4.2.11: PSK must match the version
        }

        if (state.IsExpired(now) || now - state.AuthTime >= ServerResumptionOptions.MaxTls13LifetimeNs)
        {
            return Check.Miss(MissReason.TicketExpired, status, lookup); // RFC 8446 4.6.1: lifetime and 7-day cap
        }

        if (!SameServerName(state, hello))
        {
            return Check.Miss(MissReason.ServerNameMismatch, status, lookup); // RFC 6066 3, RFC 8446 4.2.11
        }

        var early = EarlyDataFor(hello, state, now);
        var outcome = early == EarlyDataStatus.Accepted ? HandshakeOutcome.ZeroRtt : dhe ? HandshakeOutcome.PskDhe : HandshakeOutcome.Psk;
        return Check.Resumed(outcome, state, status, renew, lookup) with { EarlyData = early, PskWithDhe = dhe };
    }

    /// <summary>RFC 8446 4.2.10 and 8: early data only for a ticket that allows it, under an anti-replay guard.</summary>
    private EarlyDataStatus EarlyDataFor(in ClientHello hello, SessionState state, long now)
    {
        if (!hello.OffersEarlyData)
        {
            return EarlyDataStatus.NotOffered;
        }

        if (!options.AcceptEarlyData)
        {
            return EarlyDataStatus.RejectedDisabled;
        }

        if (state.MaxEarlyData == 0)
        {
            return EarlyDataStatus.RejectedTicketNotAllowed;
        }

        uint clientAge = unchecked(hello.ObfuscatedTicketAge - state.TicketAgeAdd);
        if (options.AntiReplay != EarlyDataAntiReplay.StrikeRegister)
        {
            // Single-use tickets were taken from the store above, and without anti-replay nothing more is
            // checked; both keep OpenSSL's freshness test (tls_parse_ctos_psk: TICKET_AGE_ALLOWANCE, 10 s).
            long serverAgeMs = (now - state.CreatedAt) / Nanoseconds.PerMillisecond;
            return Math.Abs(clientAge - serverAgeMs) <= TicketAgeAllowanceMs ? EarlyDataStatus.Accepted : EarlyDataStatus.RejectedOutsideWindow;
        }

        if (guard is null)
        {
            return EarlyDataStatus.RejectedNoReplayGuard;
        }

        return guard.TryAccept(hello.Ticket.Span, clientAge, state.CreatedAt, now);
    }

    // OpenSSL ssl/statem/extensions_srvr.c: the client's and the server's ticket ages may differ by 10 s.
    private const long TicketAgeAllowanceMs = 10_000;

    /// <summary>A store's answer for a session it does not hold, as the miss's cause.</summary>
    private static MissReason WhyNotHeld(StoreLookup lookup) => lookup switch
    {
        StoreLookup.Evicted => MissReason.Evicted,
        StoreLookup.Swept => MissReason.SessionExpired,
        StoreLookup.Flushed => MissReason.StoreFlushed,
        _ => MissReason.UnknownId,
    };

    private static bool SameServerName(SessionState state, in ClientHello hello) =>
        string.Equals(state.ServerName ?? string.Empty, hello.ServerName ?? string.Empty, StringComparison.OrdinalIgnoreCase);

    private static MissReason FromTicketStatus(TicketOpenStatus status) => status switch
    {
        TicketOpenStatus.UnknownKey => MissReason.UnknownTicketKey,
        TicketOpenStatus.KeyRetired => MissReason.TicketKeyRetired,
        TicketOpenStatus.Expired => MissReason.TicketExpired,
        _ => MissReason.TicketInvalid,
    };

    private readonly record struct Check(
        bool IsResumed,
        HandshakeOutcome Outcome,
        MissReason Reason,
        SessionState? State,
        TicketOpenStatus? TicketStatus,
        StoreLookup? Lookup,
        bool Renew)
    {
        public EarlyDataStatus EarlyData { get; init; }

        public bool PskWithDhe { get; init; }

        public static Check Miss(MissReason reason, TicketOpenStatus? status = null, StoreLookup? lookup = null) =>
            new(false, HandshakeOutcome.Full, reason, null, status, lookup, false);

        public static Check Resumed(HandshakeOutcome outcome, SessionState state, TicketOpenStatus? status = null, bool renew = false, StoreLookup? lookup = null) =>
            new(true, outcome, MissReason.None, state, status, lookup, renew);
    }
}
