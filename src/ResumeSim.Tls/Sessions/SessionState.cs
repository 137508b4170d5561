using System.Buffers.Binary;
using System.Text;

namespace ResumeSim.Tls;

/// <summary>
/// What a server must remember to resume a session: the record kept in a session store under a
/// <see cref="SessionId"/>, or sealed inside a ticket. Immutable.
/// <para>Times are ns since an arbitrary epoch (see <see cref="Nanoseconds"/>).
/// <see cref="CreatedAt"/> is when this record (or this ticket) was issued, <see cref="LifetimeNs"/>
/// counts from it, and <see cref="AuthTime"/> is when the full handshake that authenticated the peer
/// happened; it is carried unchanged through resumptions so TLS 1.3's 7-day limit (RFC 8446 4.6.1)
/// can be enforced from the original authentication, as BoringSSL does.</para>
/// <para>Serialized layout (big endian; written into tickets and used for byte accounting), in the
/// manner of Go's <c>crypto/tls/ticket.go</c>:</para>
/// <code>
/// uint8   format = 1
/// uint16  version            (0x0303 TLS 1.2, 0x0304 TLS 1.3)
/// uint16  cipher_suite
/// int64   created_at_ns
/// int64   lifetime_ns
/// int64   auth_time_ns
/// opaque  master_secret[48]  (TLS 1.2 master secret; TLS 1.3 resumption secret, SHA-384 sized)
/// uint8   server_name_length; opaque server_name[server_name_length]   (ASCII, RFC 6066 3)
/// uint8   alpn_length;        opaque alpn[alpn_length]
/// -- TLS 1.3 only (RFC 8446 4.6.1):
/// uint32  ticket_age_add
/// uint64  ticket_nonce
/// uint32  max_early_data_size
/// </code>
/// Size: 79 B + SNI + ALPN for TLS 1.2 (96 B with "www.example.com" and "h2", so a CBC ticket is
/// 16 + 16 + 112 + 32 = 176 B, the size measured from OpenSSL in parameters.md section 5), and
/// 16 B more for TLS 1.3.
/// </summary>
public sealed class SessionState
{
    /// <summary>Master (or resumption) secret length in bytes.</summary>
    public const int MasterSecretLength = 48;

    /// <summary>Fixed part of the TLS 1.2 layout, without SNI and ALPN bytes.</summary>
    public const int FixedLength12 = 1 + 2 + 2 + 8 + 8 + 8 + MasterSecretLength + 1 + 1;

    /// <summary>Extra bytes TLS 1.3 adds (age_add, nonce, max_early_data).</summary>
    public const int Tls13ExtraLength = 4 + 8 + 4;

    /// <summary>Largest possible serialized record (two 255-byte strings).</summary>
    public const int MaxSerializedLength = FixedLength12 + Tls13ExtraLength + 255 + 255;

    private const byte Format = 1;
    private const ushort WireTls12 = 0x0303;
    private const ushort WireTls13 = 0x0304;

    private readonly MasterSecretBuffer masterSecret;

    /// <summary>Creates a record; strings must be ASCII of at most 255 bytes (an empty string serializes as absent, so it reads back as null).</summary>
    public SessionState(
        TlsVersion version,
        ushort cipherSuite,
        ReadOnlySpan<byte> masterSecret,
        string? serverName,
        string? alpn,
        long createdAt,
        long lifetimeNs,
        long authTime,
        uint ticketAgeAdd = 0,
        ulong ticketNonce = 0,
        uint maxEarlyData = 0)
    {
        CheckSecret(masterSecret);
        ArgumentOutOfRangeException.ThrowIfNegative(lifetimeNs);
        CheckString(serverName, nameof(serverName));
        CheckString(alpn, nameof(alpn));
        Version = version;
        CipherSuite = cipherSuite;
        masterSecret.CopyTo(this.masterSecret);
        ServerName = serverName;
        Alpn = alpn;
        CreatedAt = createdAt;
        LifetimeNs = lifetimeNs;
        AuthTime = authTime;
        TicketAgeAdd = ticketAgeAdd;
        TicketNonce = ticketNonce;
        MaxEarlyData = maxEarlyData;
        SerializedLength = (version == TlsVersion.Tls13 ? FixedLength12 + Tls13ExtraLength : FixedLength12)
            + (serverName?.Length ?? 0) + (alpn?.Length ?? 0);
    }

    /// <summary>Negotiated protocol version.</summary>
    public TlsVersion Version { get; }

    /// <summary>IANA cipher suite code point (e.g. 0xC02F, 0x1302).</summary>
    public ushort CipherSuite { get; }

    /// <summary>The 48-byte secret.</summary>
    public ReadOnlySpan<byte> MasterSecret => masterSecret;

    /// <summary>SNI host name of the original handshake, or null.</summary>
    public string? ServerName { get; }

    /// <summary>Negotiated ALPN protocol, or null.</summary>
    public string? Alpn { get; }

    /// <summary>When this record or ticket was issued (ns).</summary>
    public long CreatedAt { get; }

    /// <summary>Timeout (TLS 1.2) or ticket lifetime (TLS 1.3), counted from <see cref="CreatedAt"/> (ns).</summary>
    public long LifetimeNs { get; }

    /// <summary>Alias of <see cref="LifetimeNs"/> in TLS 1.2 vocabulary.</summary>
    public long TimeoutNs => LifetimeNs;

    /// <summary>When the peer was last authenticated by a full handshake (ns).</summary>
    public long AuthTime { get; }

    /// <summary>TLS 1.3 ticket_age_add of the ticket that carries this state.</summary>
    public uint TicketAgeAdd { get; }

    /// <summary>TLS 1.3 ticket_nonce (sent as 8 bytes, as OpenSSL does).</summary>
    public ulong TicketNonce { get; }

    /// <summary>TLS 1.3 max_early_data_size this ticket allows (0 = no 0-RTT).</summary>
    public uint MaxEarlyData { get; }

    /// <summary>Bytes <see cref="Serialize"/> writes.</summary>
    public int SerializedLength { get; }

    /// <summary>First instant at which the record is no longer valid.</summary>
    public long ExpiresAt => CreatedAt + LifetimeNs;

    /// <summary>True once <paramref name="now"/> reaches <see cref="ExpiresAt"/>.</summary>
    public bool IsExpired(long now) => now >= ExpiresAt;

    /// <summary>
    /// The same session re-issued as a new TLS 1.3 ticket (RFC 8446 4.6.1): new issue time, lifetime,
    /// age_add and nonce; secret, SNI, ALPN and <see cref="AuthTime"/> are kept.
    /// </summary>
    public SessionState ForNewTicket(long issuedAt, long lifetimeNs, uint ageAdd, ulong nonce, uint maxEarlyData) =>
        new(Version, CipherSuite, MasterSecret, ServerName, Alpn, issuedAt, lifetimeNs, AuthTime, ageAdd, nonce, maxEarlyData);

    /// <summary>Writes the layout documented on the type; returns the bytes written.</summary>
    /// <exception cref="ArgumentException">when <paramref name="destination"/> is too small.</exception>
    public int Serialize(Span<byte> destination)
    {
        if (destination.Length < SerializedLength)
        {
            throw new ArgumentException($"Need {SerializedLength} bytes, got {destination.Length}.", nameof(destination));
        }

        destination[0] = Format;
        BinaryPrimitives.WriteUInt16BigEndian(destination[1..], Version == TlsVersion.Tls13 ? WireTls13 : WireTls12);
        BinaryPrimitives.WriteUInt16BigEndian(destination[3..], CipherSuite);
        BinaryPrimitives.WriteInt64BigEndian(destination[5..], CreatedAt);
        BinaryPrimitives.WriteInt64BigEndian(destination[13..], LifetimeNs);
        BinaryPrimitives.WriteInt64BigEndian(destination[21..], AuthTime);
        MasterSecret.CopyTo(destination[29..]);
        int at = 29 + MasterSecretLength;
        at = WriteString(destination, at, ServerName);
        at = WriteString(destination, at, Alpn);
        if (Version == TlsVersion.Tls13)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination[at..], TicketAgeAdd);
            BinaryPrimitives.WriteUInt64BigEndian(destination[(at + 4)..], TicketNonce);
            BinaryPrimitives.WriteUInt32BigEndian(destination[(at + 12)..], MaxEarlyData);
            at += Tls13ExtraLength;
        }

        return at;
    }

    /// <summary><see cref="CreatedAt"/> of a record serialized by <see cref="Serialize"/>, read without parsing the rest.</summary>
    internal static long CreatedAtOf(ReadOnlySpan<byte> serialized) => BinaryPrimitives.ReadInt64BigEndian(serialized[5..]);

    /// <summary>
    /// Parses the layout documented on the type. Returns false (never throws) on an unknown format or
    /// version, a length that does not match exactly, or non-ASCII strings.
    /// </summary>
    public static bool TryDeserialize(ReadOnlySpan<byte> source, out SessionState? state)
    {
        state = null;
        if (source.Length < FixedLength12 || source[0] != Format)
        {
            return false;
        }

        ushort wire = BinaryPrimitives.ReadUInt16BigEndian(source[1..]);
        if (wire != WireTls12 && wire != WireTls13)
        {
            return false;
        }

        var version = wire == WireTls13 ? TlsVersion.Tls13 : TlsVersion.Tls12;
        ushort suite = BinaryPrimitives.ReadUInt16BigEndian(source[3..]);
        long created = BinaryPrimitives.ReadInt64BigEndian(source[5..]);
        long lifetime = BinaryPrimitives.ReadInt64BigEndian(source[13..]);
        long auth = BinaryPrimitives.ReadInt64BigEndian(source[21..]);
        var secret = source.Slice(29, MasterSecretLength);
        int at = 29 + MasterSecretLength;
        if (lifetime < 0 || !TryReadString(source, ref at, out string? sni) || !TryReadString(source, ref at, out string? alpn))
        {
            return false;
        }

        uint ageAdd = 0;
        ulong nonce = 0;
        uint early = 0;
        if (version == TlsVersion.Tls13)
        {
            if (source.Length - at < Tls13ExtraLength)
            {
                return false;
            }

            ageAdd = BinaryPrimitives.ReadUInt32BigEndian(source[at..]);
            nonce = BinaryPrimitives.ReadUInt64BigEndian(source[(at + 4)..]);
            early = BinaryPrimitives.ReadUInt32BigEndian(source[(at + 12)..]);
            at += Tls13ExtraLength;
        }

        if (at != source.Length)
        {
            return false;
        }

        state = new SessionState(version, suite, secret, sni, alpn, created, lifetime, auth, ageAdd, nonce, early);
        return true;
    }

    private static void CheckSecret(ReadOnlySpan<byte> secret)
    {
        if (secret.Length != MasterSecretLength)
        {
            throw new ArgumentException($"The master secret is {MasterSecretLength} bytes, got {secret.Length}.", nameof(secret));
        }
    }

    private static void CheckString(string? value, string name)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length > 255 || !Ascii.IsValid(value))
        {
            throw new ArgumentException("Must be ASCII and at most 255 characters.", name);
        }
    }

    private static int WriteString(Span<byte> destination, int at, string? value)
    {
        int length = value?.Length ?? 0;
        destination[at] = (byte)length;
        if (length > 0)
        {
            Encoding.ASCII.GetBytes(value, destination.Slice(at + 1, length));
        }

        return at + 1 + length;
    }

    private static bool TryReadString(ReadOnlySpan<byte> source, ref int at, out string? value)
    {
        value = null;
        if (at >= source.Length)
        {
            return false;
        }

        int length = source[at];
        if (source.Length - at - 1 < length)
        {
            return false;
        }

        var bytes = source.Slice(at + 1, length);
        if (!Ascii.IsValid(bytes))
        {
            return false;
        }

        value = length == 0 ? null : Encoding.ASCII.GetString(bytes);
        at += 1 + length;
        return true;
    }
}
