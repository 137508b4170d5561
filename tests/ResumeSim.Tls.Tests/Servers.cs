namespace ResumeSim.Tls.Tests;

/// <summary>Builds servers for decision tests.</summary>
internal static class Servers
{
    public const string Host = "www.example.com";

    public static TicketRotator Rotator(int seed = 1, long rotate = 0, long keep = 0, bool renew = true) =>
        new(new TicketRotatorOptions(TicketCipher.Aes128CbcHmacSha256, rotate, keep, 4, 0, renew), new SeededRandomBytes(seed), 0);

    public static TlsServerState Tls12(
        bool ids = true,
        bool tickets = true,
        IServerSessionStore? store = null,
        TicketRotator? rotator = null,
        CertificateKind certificate = CertificateKind.Rsa2048,
        long timeout = Times.Hour,
        bool emptyIdWithTicket = true)
    {
        var options = new ServerResumptionOptions(TlsVersion.Tls12, ids, tickets, Certificate: certificate)
        {
            SessionTimeoutNs = timeout, Alpn = "h2", EmptySessionIdWithTicket = emptyIdWithTicket,
        };
        store ??= new EvictingSessionStore(new SessionStoreOptions(StoreEviction.Fifo, 100, 0, 0, timeout));
        return new TlsServerState(options, store, tickets ? rotator ?? Rotator() : rotator, new SeededRandomBytes(21), null);
    }

    public static TlsServerState Tls13(
        ServerResumptionOptions? options = null,
        IServerSessionStore? store = null,
        TicketRotator? rotator = null,
        EarlyDataGuard? guard = null)
    {
        options ??= new ServerResumptionOptions(TlsVersion.Tls13, SessionIds: false, Tickets: true, Certificate: CertificateKind.Rsa2048) { Alpn = "h2" };
        store ??= new EvictingSessionStore(new SessionStoreOptions(StoreEviction.Fifo, 100, 0, 0, Times.Day));
        return new TlsServerState(options, store, options.Tickets ? rotator ?? Rotator() : rotator, new SeededRandomBytes(31), guard);
    }

    public static ClientHello Fresh12() => ClientHello.Fresh12(Host);

    public static ClientHello WithId(SessionId id, string? sni = Host) =>
        new(TlsVersion.Tls12, id, ReadOnlyMemory<byte>.Empty, sni, false, PskModes.None, 0);

    public static ClientHello WithTicket(byte[] ticket, SessionId id = default, string? sni = Host) =>
        new(TlsVersion.Tls12, id, ticket, sni, false, PskModes.None, 0);

    public static ClientHello Psk(NewSessionTicket ticket, long issuedAt, long now, PskModes modes = PskModes.PskDheKe, bool early = false, string? sni = Host)
    {
        var session = new ClientSession(TlsVersion.Tls13, SessionId.Empty, ticket.Ticket, issuedAt, ticket.LifetimeSeconds * Times.Second, ticket.AgeAdd, ticket.MaxEarlyData);
        return ClientHello.Resume13(session, sni, now, early, modes);
    }
}
