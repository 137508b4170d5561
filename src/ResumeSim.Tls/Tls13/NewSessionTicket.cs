namespace ResumeSim.Tls;

/// <summary>
/// A NewSessionTicket message as sent: RFC 5077 3.3 for TLS 1.2 (lifetime hint + ticket) or
/// RFC 8446 4.6.1 for TLS 1.3 (lifetime, age_add, nonce, ticket, optional early_data extension).
/// </summary>
public sealed class NewSessionTicket
{
    /// <summary>RFC 8446 4.6.1: "Servers MUST NOT use any value greater than 604800 seconds (7 days)".</summary>
    public const uint MaxTls13LifetimeSeconds = 604800;

    /// <summary>Nonce length on the wire (OpenSSL sends an 8-byte counter).</summary>
    public const int NonceLength = 8;

    /// <summary>Creates the message.</summary>
    /// <exception cref="ArgumentOutOfRangeException">for a TLS 1.3 lifetime over 7 days.</exception>
    public NewSessionTicket(TlsVersion version, uint lifetimeSeconds, uint ageAdd, ulong nonce, byte[] ticket, uint maxEarlyData = 0)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (version == TlsVersion.Tls13)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan(lifetimeSeconds, MaxTls13LifetimeSeconds);
        }

        if (ticket.Length is 0 or > ushort.MaxValue)
        {
            throw new ArgumentException("A ticket is 1 to 65535 bytes.", nameof(ticket));
        }

        Version = version;
        LifetimeSeconds = lifetimeSeconds;
        AgeAdd = ageAdd;
        Nonce = nonce;
        Ticket = ticket;
        MaxEarlyData = maxEarlyData;
    }

    /// <summary>Protocol version of the message format.</summary>
    public TlsVersion Version { get; }

    /// <summary>ticket_lifetime (TLS 1.3) or ticket_lifetime_hint (TLS 1.2), seconds.</summary>
    public uint LifetimeSeconds { get; }

    /// <summary>Alias of <see cref="LifetimeSeconds"/>.</summary>
    public uint Lifetime => LifetimeSeconds;

    /// <summary>Lifetime in ns.</summary>
    public long LifetimeNs => LifetimeSeconds * Nanoseconds.PerSecond;

    /// <summary>ticket_age_add (TLS 1.3; 0 in TLS 1.2).</summary>
    public uint AgeAdd { get; }

    /// <summary>ticket_nonce (TLS 1.3).</summary>
    public ulong Nonce { get; }

    /// <summary>The opaque ticket.</summary>
    public byte[] Ticket { get; }

    /// <summary>max_early_data_size from the early_data extension (0 = absent).</summary>
    public uint MaxEarlyData { get; }

    /// <summary>
    /// Handshake message bytes including the 4-byte header: TLS 1.2 = 4 + 4 + 2 + ticket;
    /// TLS 1.3 = 4 + 4 + 4 + 1 + 8 + 2 + ticket + 2 (+ 8 for early_data). 186 B and 233 B for the
    /// 176 B and 208 B tickets measured in parameters.md section 5.
    /// </summary>
    public int MessageBytes => Version == TlsVersion.Tls12
        ? 10 + Ticket.Length
        : 25 + Ticket.Length + (MaxEarlyData > 0 ? 8 : 0);
}
