namespace ResumeSim.Tls;

/// <summary>Why a handshake was not resumed (None when it was).</summary>
public enum MissReason
{
    /// <summary>Resumed.</summary>
    None,

    /// <summary>The client offered no session id, ticket or PSK.</summary>
    NotOffered,

    /// <summary>The session id is not in this server's store.</summary>
    UnknownId,

    /// <summary>The stored session is past its timeout.</summary>
    SessionExpired,

    /// <summary>The session was evicted for room while still valid, or never stored because the store was full.</summary>
    Evicted,

    /// <summary>The store was flushed after the session was put (a server restart, a cache node's flush or failure).</summary>
    StoreFlushed,

    /// <summary>The session or ticket key belongs to another server (only the Model can tell).</summary>
    OtherServer,

    /// <summary>The ticket's key_name is not known here.</summary>
    UnknownTicketKey,

    /// <summary>The ticket's key was held here but has been erased.</summary>
    TicketKeyRetired,

    /// <summary>The ticket is past its lifetime (or 7 days past authentication in TLS 1.3).</summary>
    TicketExpired,

    /// <summary>The ticket failed authentication, decryption or parsing.</summary>
    TicketInvalid,

    /// <summary>The session was made with another protocol version.</summary>
    VersionMismatch,

    /// <summary>The client had no unused ticket left for this server (client side; set by the Model).</summary>
    NoTicketsLeft,

    /// <summary>
    /// The client had held a session for this server and no longer did: its cache was cleared (a new
    /// device, a network change), its LRU dropped the origin, or its own lifetime cap ended the session
    /// (client side; set by the Model).
    /// </summary>
    ClientCacheLost,

    /// <summary>The server does not resume in the way the client offered.</summary>
    ResumptionDisabled,

    /// <summary>SNI differs from the session's (RFC 6066 3).</summary>
    ServerNameMismatch,

    /// <summary>No psk_key_exchange_modes the server accepts (RFC 8446 4.2.9).</summary>
    NoCommonPskMode,

    /// <summary>
    /// The session is held by another worker process of the same server, whose cache this worker does not
    /// see (per-process caches: OpenSSL's internal cache, nginx <c>builtin</c>; set by the Model).
    /// </summary>
    OtherWorker,
}
