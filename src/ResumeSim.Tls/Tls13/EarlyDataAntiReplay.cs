namespace ResumeSim.Tls;

/// <summary>How a server that accepts 0-RTT early data keeps a ticket from being replayed (RFC 8446 8).</summary>
public enum EarlyDataAntiReplay
{
    /// <summary>
    /// ClientHello recording (RFC 8446 8.2): a strike register of the tickets seen within the freshness
    /// window, per server (<see cref="EarlyDataGuard"/>); tickets stay stateless.
    /// </summary>
    StrikeRegister,

    /// <summary>
    /// Single-use tickets (RFC 8446 8.1), OpenSSL's default: with early data on, every TLS 1.3 ticket is the
    /// 32-byte ID of a session in the server's own cache, removed when it is used (statem_srvr.c
    /// <c>tls_construct_new_session_ticket</c>, extensions_srvr.c <c>tls_parse_ctos_psk</c>), so the ticket
    /// resumes only on the server (process) that issued it.
    /// </summary>
    SingleUseTickets,

    /// <summary>
    /// No anti-replay: tickets stay stateless and early data is accepted within the freshness window only,
    /// leaving replays to the application. nginx sets <c>SSL_OP_NO_ANTI_REPLAY</c> in <c>ngx_ssl_create</c>.
    /// </summary>
    None,
}
