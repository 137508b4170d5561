namespace ResumeSim.Tls.Tests;

/// <summary>
/// Key shares by group (RFC 8446 4.2.8.2; draft-ietf-tls-ecdhe-mlkem with FIPS 203 sizes: the
/// X25519MLKEM768 client share is 1,184 + 32 = 1,216 B, the server's 1,088 + 32 = 1,120 B).
/// </summary>
public sealed class KeyExchangeSizesTests
{
    private static TlsServerState Tls13(KeyExchangeGroup group) =>
        Servers.Tls13(new ServerResumptionOptions(TlsVersion.Tls13, SessionIds: false, Tickets: true, Certificate: CertificateKind.Rsa2048) { Alpn = "h2", KeyExchange = group });

    [Fact]
    public void Tls13Hybrid_ClientHelloCarriesTheHybridShareBesideX25519()
    {
        // OpenSSL 3.5 sends two key shares by default, X25519MLKEM768 and X25519 (ssl/t1_lib.c
        // TLS_DEFAULT_GROUP_LIST, CHANGES.md); so does Chrome. The hybrid entry is group 2 + length 2
        // + 1,216 B, plus its 2 B code point in supported_groups.
        var x25519 = Tls13(KeyExchangeGroup.X25519).Handshake(ClientHello.Fresh13(Servers.Host), 0);
        var hybrid = Tls13(KeyExchangeGroup.X25519MlKem768).Handshake(ClientHello.Fresh13(Servers.Host), 0);

        Assert.Equal(x25519.ClientHelloBytes + 2 + 2 + 2 + 1216, hybrid.ClientHelloBytes);
    }

    [Fact]
    public void Tls13Hybrid_ServerHelloCarriesTheCiphertextAndX25519Share()
    {
        var x25519 = Tls13(KeyExchangeGroup.X25519).Handshake(ClientHello.Fresh13(Servers.Host), 0);
        var hybrid = Tls13(KeyExchangeGroup.X25519MlKem768).Handshake(ClientHello.Fresh13(Servers.Host), 0);

        Assert.Equal(x25519.ServerFirstFlightBytes + (1120 - 32), hybrid.ServerFirstFlightBytes);
        Assert.Equal(x25519.ServerFlightBytes + (1120 - 32), hybrid.ServerFlightBytes);
    }

    [Fact]
    public void Tls13Hybrid_PskDheResumptionAlsoCarriesBothShares()
    {
        var server = Tls13(KeyExchangeGroup.X25519MlKem768);
        var full = server.Handshake(ClientHello.Fresh13(Servers.Host), 0);
        var resumed = server.Handshake(Servers.Psk(full.NewSessionTickets[0], 0, 1), 1);
        var plain = Tls13(KeyExchangeGroup.X25519);
        var plainFull = plain.Handshake(ClientHello.Fresh13(Servers.Host), 0);
        var plainResumed = plain.Handshake(Servers.Psk(plainFull.NewSessionTickets[0], 0, 1), 1);

        Assert.Equal(HandshakeOutcome.PskDhe, resumed.Outcome);
        Assert.Equal(plainResumed.ClientHelloBytes + 1222, resumed.ClientHelloBytes);
        Assert.Equal(plainResumed.ServerFirstFlightBytes + 1088, resumed.ServerFirstFlightBytes);
    }

    [Fact]
    public void Tls12P256_BothKeyExchangeMessagesCarry65BytePoints()
    {
        // An uncompressed secp256r1 point is 65 B, X25519's u-coordinate 32 B (RFC 8422 5.4, RFC 7748).
        var options = new ServerResumptionOptions(TlsVersion.Tls12, SessionIds: true, Tickets: false, Certificate: CertificateKind.EcdsaP256);
        var store = new EvictingSessionStore(new SessionStoreOptions(StoreEviction.Fifo, 100, 0, 0, Times.Hour));
        var x25519 = new TlsServerState(options, store, null, new SeededRandomBytes(1), null).Handshake(Servers.Fresh12(), 0);
        var p256 = new TlsServerState(options with { KeyExchange = KeyExchangeGroup.Secp256r1 }, new EvictingSessionStore(new SessionStoreOptions(StoreEviction.Fifo, 100, 0, 0, Times.Hour)), null, new SeededRandomBytes(1), null)
            .Handshake(Servers.Fresh12(), 0);

        Assert.Equal(x25519.ServerFirstFlightBytes + 33, p256.ServerFirstFlightBytes);
        Assert.Equal(x25519.ClientFlightBytes + 33, p256.ClientFlightBytes);
        Assert.Equal(x25519.ClientHelloBytes, p256.ClientHelloBytes);
    }

    [Fact]
    public void Tls12Hybrid_IsRefused()
    {
        // draft-ietf-tls-ecdhe-mlkem defines X25519MLKEM768 for TLS 1.3 only.
        var options = new ServerResumptionOptions(TlsVersion.Tls12, SessionIds: true, Tickets: false) { KeyExchange = KeyExchangeGroup.X25519MlKem768 };

        var e = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Contains("TLS 1.3", e.Message, StringComparison.Ordinal);
    }
}
