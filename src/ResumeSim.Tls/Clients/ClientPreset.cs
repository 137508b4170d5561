namespace ResumeSim.Tls;

/// <summary>
/// A client's session cache behaviour. Times in ns.
/// </summary>
/// <param name="Name">Preset name as scenarios write it ("chrome").</param>
/// <param name="CacheEntries">Most origin keys held (LRU beyond).</param>
/// <param name="SessionsPerKey">Most sessions kept per origin key (newest kept).</param>
/// <param name="LifetimeCapNs">Client-side cap on a TLS 1.3 session's life; the ticket's lifetime also ends it.</param>
/// <param name="SingleUseTls13Tickets">A TLS 1.3 ticket is removed when used (RFC 8446 App. C.4).</param>
/// <param name="Resumes">False for clients that never resume (one-shot API clients).</param>
/// <param name="Verified">False when some value is not from a primary source (parameters.md conf U/S).</param>
public sealed record ClientPreset(
    string Name,
    int CacheEntries,
    int SessionsPerKey,
    long LifetimeCapNs,
    bool SingleUseTls13Tickets,
    bool Resumes,
    bool Verified)
{
    /// <summary>
    /// Client-side cap on a TLS 1.2 session's life, from the full handshake that made it (defaults to
    /// <see cref="LifetimeCapNs"/>). The server's TLS 1.2 ticket lifetime hint plays no part: BoringSSL only
    /// stores it (handshake_client.cc <c>do_read_session_ticket</c>), Go's client drops it
    /// (<c>readSessionTicket</c>), and OpenSSL's client offers a session whatever its age.
    /// </summary>
    public long Tls12LifetimeCapNs { get; init; } = LifetimeCapNs;

    /// <summary>
    /// Offers TLS 1.2 session IDs. False for Go's client, which resumes TLS 1.2 only with tickets and keeps
    /// nothing from a handshake that issued none (handshake_client.go <c>loadSession</c>).
    /// </summary>
    public bool OffersSessionIds { get; init; } = true;

    /// <summary>
    /// Most HTTP/1.1 connections the client opens to one host at once (0 = no cap of its own). A page
    /// asking for more gets this many (Chrome's 6 per host, parameters.md section 2).
    /// </summary>
    public int MaxConnectionsPerHost { get; init; }

    /// <summary>
    /// TLS False Start (RFC 7918): in a full TLS 1.2 handshake with ECDHE and an AEAD cipher the client sends
    /// its request right after its own Finished, without waiting for the server's, so the request leaves one
    /// round trip sooner, as in TLS 1.3. The session (and any ticket) still arrives with the server's
    /// Finished, a round trip later. Chrome and Firefox do (parameters.md section 6, "TLS False Start").
    /// </summary>
    public bool FalseStart { get; init; }

    /// <summary>Where the values come from (parameters.md rows).</summary>
    public string Source { get; init; } = string.Empty;

    /// <summary>Throws <see cref="ArgumentException"/> on impossible values.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(CacheEntries);
        ArgumentOutOfRangeException.ThrowIfNegative(SessionsPerKey);
        ArgumentOutOfRangeException.ThrowIfNegative(LifetimeCapNs);
        ArgumentOutOfRangeException.ThrowIfNegative(Tls12LifetimeCapNs);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxConnectionsPerHost);
        if (Resumes && (CacheEntries == 0 || SessionsPerKey == 0))
        {
            throw new ArgumentException("A resuming client needs at least one entry and one session per key.");
        }
    }
}
