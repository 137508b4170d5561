using ResumeSim.Tls;

namespace ResumeSim.Model.Configuration;

/// <summary>
/// Session tickets (RFC 5077) or TLS 1.3 PSK tickets (RFC 8446 4.6.1), sealed with real crypto by
/// keys the farm shares or each server keeps to itself.
/// </summary>
public sealed record TicketConfig
{
    public KeyScope Keys { get; init; } = KeyScope.Shared;

    /// <summary>How long a key encrypts before the next one takes over; zero never rotates.</summary>
    public TimeSpan Rotate { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How long a key keeps decrypting after it stopped encrypting.</summary>
    public TimeSpan Keep { get; init; } = TimeSpan.FromHours(18);

    /// <summary>Ticket lifetime (TLS 1.3: at most 7 days, RFC 8446 4.6.1).</summary>
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromHours(18);

    /// <summary>
    /// Farm-shared keys only: how long a new key takes to reach the last server. Servers get it one
    /// after another (a rolling push, server i at i/(n-1) of the delay); each seals with the newest
    /// key it holds. 0 = every server holds the same ring at every instant.
    /// </summary>
    public TimeSpan Propagation { get; init; }

    public TicketCipherKind Cipher { get; init; } = TicketCipherKind.Aes128CbcHmacSha256;

    /// <summary>Issue a fresh ticket when one sealed with an older key is opened (nginx, HAProxy).</summary>
    public bool Renew { get; init; } = true;

    /// <summary>TLS 1.3 tickets sent after a full handshake (OpenSSL default 2).</summary>
    public int TicketsAfterFull { get; init; } = 2;

    /// <summary>TLS 1.3 tickets sent after a resumption (OpenSSL default 1).</summary>
    public int TicketsAfterResumption { get; init; } = 1;

    /// <summary>
    /// RFC 9149 ticket requests: 0 ignores a client's ticket_request (OpenSSL's fixed counts); n &gt; 0
    /// sends what the client asks for, at most n tickets per handshake.
    /// </summary>
    public int TicketRequestCap { get; init; }

    /// <summary>TLS 1.3 key exchange on resumption: psk_dhe_ke (default) or psk_ke.</summary>
    public bool PskDhe { get; init; } = true;

    /// <summary>TLS 1.3: accept 0-RTT early data.</summary>
    public bool EarlyData { get; init; }

    /// <summary>How 0-RTT replays are stopped: a per-server strike register, single-use stateful tickets, or nothing.</summary>
    public EarlyDataAntiReplay AntiReplay { get; init; } = EarlyDataAntiReplay.StrikeRegister;

    /// <summary>Most keys a server holds, the sealing key included; the oldest beyond it is erased.</summary>
    public int MaxKeys { get; init; } = 64;

    /// <summary>TLS 1.3 tickets issued on a resumption keep the full handshake's expiry (nginx 1.23.2+).</summary>
    public bool Tls13AbsoluteExpiry { get; init; }

    /// <summary>Every TLS 1.3 ticket's session also goes in the session-ID store (nginx 1.22.1, HAProxy).</summary>
    public bool CachesStatelessTls13Sessions { get; init; }

    /// <summary>A TLS 1.3 resumption gets a ticket only when an older key opened its ticket (HAProxy key files).</summary>
    public bool Tls13RenewOnlyWithOldKey { get; init; }

    /// <summary>The server preset the values came from (<c>nginx</c>, <c>nginx-1.22</c>, <c>openssl</c>, <c>haproxy</c>), if any.</summary>
    public string? Preset { get; init; }
}
