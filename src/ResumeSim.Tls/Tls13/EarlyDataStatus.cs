namespace ResumeSim.Tls;

/// <summary>What became of 0-RTT early data (RFC 8446 4.2.10).</summary>
public enum EarlyDataStatus
{
    /// <summary>The client sent no early_data extension.</summary>
    NotOffered,

    /// <summary>Accepted: the first request saves a round trip.</summary>
    Accepted,

    /// <summary>The server does not accept early data.</summary>
    RejectedDisabled,

    /// <summary>The handshake was not a PSK resumption.</summary>
    RejectedNoPsk,

    /// <summary>The ticket did not allow early data (max_early_data_size 0).</summary>
    RejectedTicketNotAllowed,

    /// <summary>No anti-replay guard is configured, so early data is never accepted.</summary>
    RejectedNoReplayGuard,

    /// <summary>The ticket was already used for early data (RFC 8446 8.1 single-use).</summary>
    RejectedReplay,

    /// <summary>The client's ticket age is outside the freshness window (RFC 8446 8.3).</summary>
    RejectedOutsideWindow,

    /// <summary>The anti-replay record is full; fail closed (RFC 8446 8.2).</summary>
    RejectedGuardFull,
}
