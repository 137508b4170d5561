namespace ResumeSim.Tls;

/// <summary>
/// The RFC 9149 <c>ticket_request</c> ClientHello extension: how many TLS 1.3 tickets the client
/// would like after a full handshake and after a resumption. A client that opens k parallel
/// connections to a server asks for k after a full handshake, so its next visit can resume all of
/// them with single-use tickets (RFC 8446 C.4), and for 1 after a resumption, which replaces the
/// ticket it just used.
/// </summary>
/// <param name="NewSessionCount">new_session_count: tickets wanted after a full handshake.</param>
/// <param name="ResumptionCount">resumption_count: tickets wanted after a resumption.</param>
public readonly record struct TicketRequest(byte NewSessionCount, byte ResumptionCount)
{
    /// <summary>Extension bytes in the ClientHello: type 2, length 2, the two counts.</summary>
    public const int ExtensionBytes = 6;

    /// <summary>
    /// Tickets a server sends for this request (RFC 9149 section 4): the client's count for the kind
    /// of handshake, but no more than the server's own limit <paramref name="serverCap"/>.
    /// </summary>
    public int TicketsFor(bool resumed, int serverCap) =>
        Math.Min(resumed ? ResumptionCount : NewSessionCount, Math.Max(0, serverCap));
}
