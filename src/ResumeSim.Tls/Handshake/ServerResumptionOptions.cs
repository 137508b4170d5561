namespace ResumeSim.Tls;

/// <summary>
/// One server's resumption settings. Defaults follow OpenSSL 3.0 (parameters.md section 1): 2 TLS 1.3
/// tickets after a full handshake and 1 after a resumption ("OpenSSL TLS 1.3 tickets", P/M), 7200 s
/// session timeout and ticket lifetime ("OpenSSL default timeout", P/M), psk_dhe_ke only, no 0-RTT.
/// Times in ns.
/// </summary>
/// <param name="Version">Highest version the server speaks.</param>
/// <param name="SessionIds">Issue and accept session ids (TLS 1.2; TLS 1.3 stateful tickets when <paramref name="Tickets"/> is off).</param>
/// <param name="Tickets">Issue and accept stateless tickets (RFC 5077 / RFC 8446 4.6.1).</param>
/// <param name="Tls13TicketsAfterFull">TLS 1.3 tickets sent after a full handshake.</param>
/// <param name="Tls13TicketsAfterResumption">TLS 1.3 tickets sent after a PSK resumption.</param>
/// <param name="AcceptEarlyData">Accept 0-RTT (needs an <see cref="EarlyDataGuard"/>).</param>
/// <param name="Tls13TicketLifetimeNs">TLS 1.3 ticket lifetime, at most 7 days (RFC 8446 4.6.1, enforced).</param>
/// <param name="PreferPskDhe">When the client offers both modes, pick psk_dhe_ke.</param>
/// <param name="CertificateChainBytes">TLS 1.2 Certificate message size incl. its 4 B header (0 = typical for <paramref name="Certificate"/>).</param>
/// <param name="Certificate">Certificate key type.</param>
public sealed record ServerResumptionOptions(
    TlsVersion Version,
    bool SessionIds,
    bool Tickets,
    int Tls13TicketsAfterFull = 2,
    int Tls13TicketsAfterResumption = 1,
    bool AcceptEarlyData = false,
    long Tls13TicketLifetimeNs = 7200 * Nanoseconds.PerSecond,
    bool PreferPskDhe = true,
    int CertificateChainBytes = 0,
    CertificateKind Certificate = CertificateKind.EcdsaP256)
{
    /// <summary>Most tickets per message group (BoringSSL's cap, parameters.md "BoringSSL").</summary>
    public const int MaxTicketsPerHandshake = 16;

    /// <summary>Seven days: the TLS 1.3 cap on ticket lifetime and on use after authentication.</summary>
    public const long MaxTls13LifetimeNs = NewSessionTicket.MaxTls13LifetimeSeconds * Nanoseconds.PerSecond;

    /// <summary>TLS 1.2 session timeout and ticket lifetime hint (nginx 300 s, OpenSSL 7200 s).</summary>
    public long SessionTimeoutNs { get; init; } = 7200 * Nanoseconds.PerSecond;

    /// <summary>
    /// A TLS 1.2 full handshake that issues a ticket gives its session an empty session ID, and a session
    /// without an ID is never cached, so with tickets on and a client that takes them the ID cache stays
    /// empty: OpenSSL's <c>ssl_generate_session_id</c> empties the ID when <c>ext.ticket_expected</c>, and
    /// <c>ssl_update_cache</c> skips a session whose ID is empty (parameters.md section 6, "OpenSSL server
    /// with tickets"; nginx, HAProxy and Apache inherit it). False gives the session both an ID and a ticket.
    /// </summary>
    public bool EmptySessionIdWithTicket { get; init; } = true;

    /// <summary>
    /// How 0-RTT replays are stopped when <see cref="ServerResumptionOptions.AcceptEarlyData"/> is on: a strike
    /// register (the <see cref="EarlyDataGuard"/> given to the server), OpenSSL's single-use stateful tickets,
    /// or nothing (nginx).
    /// </summary>
    public EarlyDataAntiReplay AntiReplay { get; init; } = EarlyDataAntiReplay.StrikeRegister;

    /// <summary>
    /// TLS 1.3 tickets issued on a resumption keep the expiry of the full handshake's session
    /// (<see cref="Tls13TicketLifetimeNs"/> after it): nginx 1.23.2+ <c>ngx_ssl_info_callback</c>. False: each
    /// new ticket lives its whole lifetime from its issue, because OpenSSL restarts a TLS 1.3 session's clock
    /// at every ticket (<c>tls_construct_new_session_ticket</c>), up to the 7-day cap from authentication.
    /// </summary>
    public bool Tls13AbsoluteExpiry { get; init; }

    /// <summary>
    /// A TLS 1.3 resumption gets a new ticket only when its ticket was opened with a key other than the sealing
    /// one: HAProxy's <c>ssl_tlsext_ticket_key_cb</c> returns 1 (no renewal) for the sealing key.
    /// </summary>
    public bool Tls13RenewOnlyWithOldKey { get; init; }

    /// <summary>
    /// Every stateless TLS 1.3 ticket's session is also put in the session store under a fresh ID that no client
    /// will present: OpenSSL calls <c>new_session_cb</c> for each ticket (<c>ssl_update_cache</c> from
    /// <c>tls_construct_new_session_ticket</c>), and nginx 1.22.1's <c>ngx_ssl_new_session</c> and HAProxy's
    /// <c>sh_ssl_sess_new_cb</c> store it; nginx 1.23.2 stopped this. The entries cost memory and crowd out
    /// TLS 1.2 sessions (FIFO), and never resume anything.
    /// </summary>
    public bool CachesStatelessTls13Sessions { get; init; }

    /// <summary>
    /// TLS 1.3 tickets are single-use entries of the server's own session store: early data is on and the
    /// anti-replay is <see cref="EarlyDataAntiReplay.SingleUseTickets"/> (OpenSSL's condition
    /// <c>max_early_data &gt; 0 &amp;&amp; !SSL_OP_NO_ANTI_REPLAY</c>, which makes every ticket stateful).
    /// </summary>
    public bool SingleUseTls13Tickets => Tickets && AcceptEarlyData && AntiReplay == EarlyDataAntiReplay.SingleUseTickets;

    /// <summary>Accept psk_ke (no DHE); OpenSSL refuses it unless SSL_OP_ALLOW_NO_DHE_KEX.</summary>
    public bool AllowPskKe { get; init; }

    /// <summary>max_early_data_size put in tickets when 0-RTT is on.</summary>
    public uint MaxEarlyData { get; init; } = 16384;

    /// <summary>
    /// RFC 9149 ticket requests: 0 ignores the extension (servers without RFC 9149 support, OpenSSL's
    /// fixed counts); n &gt; 0 sends what the client asked for, at most n per handshake (RFC 9149
    /// section 4: servers SHOULD limit the tickets they send).
    /// </summary>
    public int TicketRequestCap { get; init; }

    /// <summary>Certificates in the chain (TLS 1.3 adds 2 B of extensions per certificate).</summary>
    public int CertificateCount { get; init; } = 2;

    /// <summary>The (EC)DHE group of full handshakes and psk_dhe_ke resumptions; X25519MLKEM768 needs TLS 1.3.</summary>
    public KeyExchangeGroup KeyExchange { get; init; } = KeyExchangeGroup.X25519;

    /// <summary>Negotiated ALPN stored in sessions (null = none).</summary>
    public string? Alpn { get; init; }

    /// <summary>Cipher suite code point (0 = 0xC02B/0xC02F for TLS 1.2 by certificate, 0x1302 for TLS 1.3).</summary>
    public ushort CipherSuite { get; init; }

    /// <summary>The chain size used: <see cref="CertificateChainBytes"/> or the typical one for the key type.</summary>
    public int EffectiveChainBytes => CertificateChainBytes > 0 ? CertificateChainBytes : HandshakeSizes.TypicalChainBytes(Certificate);

    /// <summary>Throws <see cref="ArgumentException"/> on values no server could use.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Tls13TicketsAfterFull);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Tls13TicketsAfterFull, MaxTicketsPerHandshake);
        ArgumentOutOfRangeException.ThrowIfNegative(Tls13TicketsAfterResumption);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Tls13TicketsAfterResumption, MaxTicketsPerHandshake);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Tls13TicketLifetimeNs);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Tls13TicketLifetimeNs, MaxTls13LifetimeNs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(SessionTimeoutNs);
        ArgumentOutOfRangeException.ThrowIfNegative(CertificateChainBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(CertificateCount);
        if (KeyExchange == KeyExchangeGroup.X25519MlKem768 && Version != TlsVersion.Tls13)
        {
            // draft-ietf-tls-ecdhe-mlkem defines the hybrid group for TLS 1.3 only.
            throw new ArgumentException("X25519MLKEM768 is a TLS 1.3 key exchange", nameof(KeyExchange));
        }
        ArgumentOutOfRangeException.ThrowIfNegative(TicketRequestCap);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(TicketRequestCap, MaxTicketsPerHandshake);
    }
}
