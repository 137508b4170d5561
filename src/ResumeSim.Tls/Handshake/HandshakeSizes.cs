namespace ResumeSim.Tls;

/// <summary>
/// Wire sizes of handshake messages, built from their fields (RFC 5246 7.4, RFC 8446 4) so that flight
/// sizes follow from what was actually produced (ticket lengths, chain size). Assumptions, chosen to
/// match OpenSSL 3.0 as measured in parameters.md section 5: one record per message, X25519 key shares
/// (other groups change only the shares, <see cref="ClientKeyShareBytes"/>),
/// AES-GCM records (TLS 1.2 explicit nonce 8 B + tag 16 B; TLS 1.3 content type 1 B + tag 16 B),
/// TLS_AES_256_GCM_SHA384 in TLS 1.3 (48 B Finished and binder). With these, a full TLS 1.2 RSA flight
/// is 2661 B (ids) / 2824 B (tickets), TLS 1.3 RSA with 2 tickets 3251 B, resumed 141 B / 496 B.
/// </summary>
public static class HandshakeSizes
{
    /// <summary>TLS record header.</summary>
    public const int RecordHeader = 5;

    /// <summary>Handshake message header (type 1 + length 3).</summary>
    public const int HandshakeHeader = 4;

    /// <summary>Largest record plaintext (RFC 8446 5.1); bigger messages span records.</summary>
    public const int MaxFragment = 16384;

    /// <summary>ChangeCipherSpec record (TLS 1.2, and TLS 1.3 middlebox compatibility).</summary>
    public const int ChangeCipherSpec = RecordHeader + 1;

    /// <summary>ClientHello measured from OpenSSL 3.0 s_client with nothing to resume: TLS 1.2 (parameters.md section 5, M).</summary>
    public const int ClientHelloBase12 = 207;

    /// <summary>Same for TLS 1.3 (key share and the 32 B compatibility session id included).</summary>
    public const int ClientHelloBase13 = 244;

    /// <summary>TLS 1.3 PSK binder for SHA-384 suites.</summary>
    public const int BinderBytes = 48;

    /// <summary>
    /// The client's key_exchange bytes for <paramref name="group"/>: X25519 32, secp256r1 65 (RFC 8446
    /// 4.2.8.2), X25519MLKEM768 1,216 (draft-ietf-tls-ecdhe-mlkem: ML-KEM-768 encapsulation key 1,184
    /// + X25519 32; FIPS 203 table 3).
    /// </summary>
    public static int ClientKeyShareBytes(KeyExchangeGroup group) => group switch
    {
        KeyExchangeGroup.X25519 => 32,
        KeyExchangeGroup.Secp256r1 => 65,
        KeyExchangeGroup.X25519MlKem768 => 1216,
        _ => throw new ArgumentOutOfRangeException(nameof(group)),
    };

    /// <summary>
    /// The server's key_exchange bytes: X25519 32, secp256r1 65, X25519MLKEM768 1,120 (ML-KEM-768
    /// ciphertext 1,088 + X25519 32).
    /// </summary>
    public static int ServerKeyShareBytes(KeyExchangeGroup group) => group switch
    {
        KeyExchangeGroup.X25519 => 32,
        KeyExchangeGroup.Secp256r1 => 65,
        KeyExchangeGroup.X25519MlKem768 => 1120,
        _ => throw new ArgumentOutOfRangeException(nameof(group)),
    };

    /// <summary>
    /// What the TLS 1.3 ClientHello carries beyond the measured base (which holds one X25519 share):
    /// a secp256r1 share instead of the X25519 one; for X25519MLKEM768 the hybrid share (group 2 +
    /// length 2 + 1,216) and its 2 B entry in supported_groups, next to the X25519 share, which
    /// OpenSSL 3.5 (TLS_DEFAULT_GROUP_LIST in ssl/t1_lib.c, "two key shares ... by default" in
    /// CHANGES.md) and Chrome both still send.
    /// </summary>
    public static int ClientHelloKeyShareExtra13(KeyExchangeGroup group) => group switch
    {
        KeyExchangeGroup.X25519 => 0,
        KeyExchangeGroup.Secp256r1 => ClientKeyShareBytes(group) - ClientKeyShareBytes(KeyExchangeGroup.X25519),
        KeyExchangeGroup.X25519MlKem768 => 2 + 2 + 2 + ClientKeyShareBytes(group),
        _ => throw new ArgumentOutOfRangeException(nameof(group)),
    };

    /// <summary>Typical TLS 1.2 Certificate message (header included): RSA 2193 B, ECDSA 1496 B measured; RSA-4096 estimated (+256 B key).</summary>
    public static int TypicalChainBytes(CertificateKind kind) => kind switch
    {
        CertificateKind.EcdsaP256 => 1496,
        CertificateKind.Rsa2048 => 2193,
        CertificateKind.Rsa4096 => 2449,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Signature bytes: ECDSA P-256 DER up to 72, RSA the modulus size.</summary>
    public static int SignatureBytes(CertificateKind kind) => kind switch
    {
        CertificateKind.EcdsaP256 => 72,
        CertificateKind.Rsa2048 => 256,
        CertificateKind.Rsa4096 => 512,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>A plaintext message of <paramref name="payload"/> bytes in as many records as it needs.</summary>
    public static int PlainRecords(int payload) => payload + RecordHeader * Fragments(payload);

    /// <summary>A TLS 1.3 encrypted message: per record header 5 + content type 1 + tag 16.</summary>
    public static int EncryptedRecords13(int payload) => payload + (RecordHeader + 1 + 16) * Fragments(payload);

    /// <summary>
    /// ClientHello bytes: the measured base plus what resumption adds: TLS 1.2 a 32 B id and the ticket
    /// in session_ticket; TLS 1.3 the pre_shared_key extension (4 + 2 + 2 + identity + 4 + 2 + 1 + binder)
    /// and early_data (4).
    /// </summary>
    public static int ClientHello(TlsVersion version, bool sessionId, int ticketLength, bool earlyData) =>
        ClientHello(version, sessionId, ticketLength, earlyData, KeyExchangeGroup.X25519);

    /// <summary>The ClientHello above with the key shares of <paramref name="group"/> (TLS 1.2 hellos carry none).</summary>
    public static int ClientHello(TlsVersion version, bool sessionId, int ticketLength, bool earlyData, KeyExchangeGroup group)
    {
        if (version == TlsVersion.Tls12)
        {
            return ClientHelloBase12 + (sessionId ? SessionId.Length : 0) + ticketLength;
        }

        int psk = ticketLength > 0 ? 4 + 2 + 2 + ticketLength + 4 + 2 + 1 + BinderBytes : 0;
        return ClientHelloBase13 + ClientHelloKeyShareExtra13(group) + psk + (earlyData ? 4 : 0);
    }

    /// <summary>
    /// TLS 1.2 ServerHello: version 2, random 32, id 1 + n, suite 2, compression 1, extensions 2 +
    /// renegotiation_info 5 + extended_master_secret 4 (+ ec_point_formats 8 on a full handshake,
    /// + session_ticket 4 when a ticket follows).
    /// </summary>
    public static int ServerHello12(int sessionIdLength, bool fullHandshake, bool ticketFollows) =>
        PlainRecords(HandshakeHeader + 2 + 32 + 1 + sessionIdLength + 2 + 1 + 2 + 5 + 4 + (fullHandshake ? 8 : 0) + (ticketFollows ? 4 : 0));

    /// <summary>TLS 1.2 ECDHE ServerKeyExchange: curve 3, point 1 + n, signature algorithm 2, length 2, signature.</summary>
    public static int ServerKeyExchange12(CertificateKind kind, int keyShareBytes) =>
        PlainRecords(HandshakeHeader + 3 + 1 + keyShareBytes + 2 + 2 + SignatureBytes(kind));

    /// <summary>ServerHelloDone.</summary>
    public static int ServerHelloDone12 => PlainRecords(HandshakeHeader);

    /// <summary>TLS 1.2 ECDHE ClientKeyExchange.</summary>
    public static int ClientKeyExchange12(int keyShareBytes) => PlainRecords(HandshakeHeader + 1 + keyShareBytes);

    /// <summary>TLS 1.2 Finished under AES-GCM: header 4 + verify_data 12 + nonce 8 + tag 16.</summary>
    public static int Finished12 => RecordHeader + HandshakeHeader + 12 + 8 + 16;

    /// <summary>A NewSessionTicket message in its record(s) for the given version.</summary>
    public static int NewSessionTicketRecord(NewSessionTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return ticket.Version == TlsVersion.Tls12 ? PlainRecords(ticket.MessageBytes) : EncryptedRecords13(ticket.MessageBytes);
    }

    /// <summary>
    /// TLS 1.3 ServerHello: version 2, random 32, echoed id 1 + 32, suite 2, compression 1, extensions 2,
    /// supported_versions 6, key_share 8 + n when (EC)DHE, pre_shared_key 6 when resuming.
    /// </summary>
    public static int ServerHello13(bool psk, bool dhe, int keyShareBytes) =>
        PlainRecords(HandshakeHeader + 2 + 32 + 1 + 32 + 2 + 1 + 2 + 6 + (dhe ? 8 + keyShareBytes : 0) + (psk ? 6 : 0));

    /// <summary>EncryptedExtensions: empty list, plus early_data (4) when 0-RTT is accepted.</summary>
    public static int EncryptedExtensions13(bool earlyDataAccepted) => EncryptedRecords13(HandshakeHeader + 2 + (earlyDataAccepted ? 4 : 0));

    /// <summary>TLS 1.3 Certificate from the TLS 1.2 message size: + 1 B context, + 2 B extensions per certificate.</summary>
    public static int Certificate13(int chainBytes12, int certificateCount) => EncryptedRecords13(chainBytes12 + 1 + 2 * certificateCount);

    /// <summary>CertificateVerify: algorithm 2, length 2, signature.</summary>
    public static int CertificateVerify13(CertificateKind kind) => EncryptedRecords13(HandshakeHeader + 2 + 2 + SignatureBytes(kind));

    /// <summary>TLS 1.3 Finished with a SHA-384 suite.</summary>
    public static int Finished13 => EncryptedRecords13(HandshakeHeader + 48);

    /// <summary>EndOfEarlyData (client, after accepted 0-RTT).</summary>
    public static int EndOfEarlyData13 => EncryptedRecords13(HandshakeHeader);

    private static int Fragments(int payload) => Math.Max(1, (payload + MaxFragment - 1) / MaxFragment);
}
