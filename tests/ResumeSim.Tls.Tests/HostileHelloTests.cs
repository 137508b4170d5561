namespace ResumeSim.Tls.Tests;

/// <summary>
/// ClientHellos an attacker can write: a ticket sealed under a forged key that carries a real key's
/// name, and TLS 1.3 fields changed on the wire. Each must end in a full handshake or a resumption
/// the fields allow, never in an exception or in resuming a session the server did not issue.
/// </summary>
public sealed class HostileHelloTests
{
    private static TicketRotator RingWith(TicketKey key)
    {
        var ring = new TicketRotator(new TicketRotatorOptions(key.Cipher, 0, 0, 4, 0, false), new SeededRandomBytes(1), 0, generateFirstKey: false);
        ring.InstallKey(key, 0);
        return ring;
    }

    /// <summary>A real nginx key file, and a forged one that copies only its 16-byte name.</summary>
    private static (TicketKey Real, TicketKey Forged) SameNameKeys()
    {
        var real = ManualTicket.Material(48, 7);
        var forged = ManualTicket.Material(48, 8);
        real.AsSpan(0, TicketKey.NameLength).CopyTo(forged);
        return (TicketKey.FromNginxKeyFile(real, 0), TicketKey.FromNginxKeyFile(forged, 0));
    }

    [Fact]
    public void TryOpen_ForeignKeyWithARealKeysName_IsBadMacAndYieldsNoSession()
    {
        var (real, forged) = SameNameKeys();
        Assert.Equal(real.Name.ToArray(), forged.Name.ToArray());
        var forgedTicket = RingWith(forged).Seal(Sessions.Tls12(), 1);

        var status = RingWith(real).TryOpen(forgedTicket, 2, out var state, out _);

        Assert.Equal(TicketOpenStatus.BadMac, status);
        Assert.Null(state);
    }

    [Fact]
    public void Handshake12_ForeignKeyWithARealKeysName_FallsBackToAFullHandshake()
    {
        var (real, forged) = SameNameKeys();
        var forgedTicket = RingWith(forged).Seal(Sessions.Tls12(), 1);
        var server = Servers.Tls12(ids: false, rotator: RingWith(real));

        var result = server.Handshake(Servers.WithTicket(forgedTicket), 2);

        Assert.Equal(HandshakeOutcome.Full, result.Outcome);
        Assert.Equal(MissReason.TicketInvalid, result.Miss);
    }

    [Fact]
    public void Handshake13_PskSealedUnderAForeignKeyWithARealKeysName_IsNotResumed()
    {
        var (real, forged) = SameNameKeys();
        var issued = Servers.Tls13(rotator: RingWith(forged)).Handshake(ClientHello.Fresh13(Servers.Host), 0).NewSessionTickets[0];
        var server = Servers.Tls13(rotator: RingWith(real));

        var result = server.Handshake(Servers.Psk(issued, 0, Times.Second), Times.Second);

        Assert.Equal(HandshakeOutcome.Full, result.Outcome);
        Assert.Equal(MissReason.TicketInvalid, result.Miss);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(1u)]
    [InlineData(0x7FFFFFFFu)]
    [InlineData(0xFFFFFFFFu)]
    public void Handshake13_TamperedTicketAge_StillResumesButRefusesEarlyData(uint obfuscatedAge)
    {
        var server = Servers.Tls13(
            new ServerResumptionOptions(TlsVersion.Tls13, SessionIds: false, Tickets: true, AcceptEarlyData: true, Certificate: CertificateKind.Rsa2048) { Alpn = "h2" },
            guard: new EarlyDataGuard(10 * Times.Second, 1000));
        var ticket = server.Handshake(ClientHello.Fresh13(Servers.Host), 0).NewSessionTickets[0];
        var honest = Servers.Psk(ticket, 0, Times.Minute, early: true);
        var tampered = honest with { ObfuscatedTicketAge = obfuscatedAge };
        if (tampered.ObfuscatedTicketAge == honest.ObfuscatedTicketAge)
        {
            return;
        }

        var result = server.Handshake(tampered, Times.Minute);

        // The age only guards 0-RTT (RFC 8446 8.3): the PSK itself is still good.
        Assert.Equal(HandshakeOutcome.PskDhe, result.Outcome);
        Assert.Equal(EarlyDataStatus.RejectedOutsideWindow, result.EarlyData);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(31)]
    public void Handshake13_TruncatedPskIdentity_IsAFullHandshake(int length)
    {
        var server = Servers.Tls13();
        var ticket = server.Handshake(ClientHello.Fresh13(Servers.Host), 0).NewSessionTickets[0];
        var hello = Servers.Psk(ticket, 0, Times.Second);

        var result = server.Handshake(hello with { Ticket = hello.Ticket[..length] }, Times.Second);

        Assert.Equal(HandshakeOutcome.Full, result.Outcome);
        Assert.NotEqual(MissReason.None, result.Miss);
    }

    [Fact]
    public void Handshake13_UndefinedPskModeBits_AreIgnored()
    {
        var server = Servers.Tls13();
        var ticket = server.Handshake(ClientHello.Fresh13(Servers.Host), 0).NewSessionTickets[0];
        var hello = Servers.Psk(ticket, 0, Times.Second) with { PskModes = (PskModes)0xF8 };

        var result = server.Handshake(hello, Times.Second);

        // No mode the server knows is offered: it must not resume (RFC 8446 4.2.9).
        Assert.Equal(HandshakeOutcome.Full, result.Outcome);
        Assert.Equal(MissReason.NoCommonPskMode, result.Miss);
    }

    [Fact]
    public void Handshake13_TicketRequestOfTheMaximumCount_IsCappedByTheServer()
    {
        var server = Servers.Tls13();
        var hello = ClientHello.Fresh13(Servers.Host) with { TicketRequest = new TicketRequest(255, 255) };

        var result = server.Handshake(hello, 0);

        Assert.InRange(result.NewSessionTickets.Count, 1, 16);
    }

    [Fact]
    public void Handshake13_Tls13PskOfferedInATls12Hello_IsNotResumed()
    {
        var server = Servers.Tls13();
        var ticket = server.Handshake(ClientHello.Fresh13(Servers.Host), 0).NewSessionTickets[0];

        var result = Servers.Tls12(ids: false, rotator: Servers.Rotator()).Handshake(Servers.WithTicket(ticket.Ticket.ToArray()), Times.Second);

        Assert.Equal(HandshakeOutcome.Full, result.Outcome);
    }
}
