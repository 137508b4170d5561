namespace ResumeSim.Tls.Tests;

/// <summary>RFC 9149 ticket requests: honoured within the server's cap, ignored when the server does not support them.</summary>
public sealed class TicketRequestTests
{
    private static readonly ClientHello Fresh = ClientHello.Fresh13(Servers.Host);

    private static ServerResumptionOptions Options(int cap) =>
        new ServerResumptionOptions(TlsVersion.Tls13, SessionIds: false, Tickets: true, Tls13TicketsAfterFull: 2, Tls13TicketsAfterResumption: 1) { TicketRequestCap = cap };

    [Theory]
    [InlineData(0, 6, 1, 2, 1)] // no RFC 9149 support: the server's own 2 and 1
    [InlineData(8, 6, 1, 6, 1)] // honoured: what the client asked for
    [InlineData(4, 6, 3, 4, 3)] // capped: at most 4
    [InlineData(8, 0, 0, 0, 0)] // a count of 0 declines tickets (RFC 9149 section 3)
    public void Tickets_FollowTheRequestWithinTheCap(int cap, byte newSession, byte resumption, int expectedFull, int expectedResumed)
    {
        // Both servers share one key ring, so a ticket from the plain one resumes on the tested one.
        var keys = Servers.Rotator();
        var server = Servers.Tls13(Options(cap), rotator: keys);
        var ticket = Servers.Tls13(Options(0), rotator: keys).Handshake(Fresh, 0).NewSessionTickets[0];
        var request = new TicketRequest(newSession, resumption);

        var full = server.Handshake(Fresh with { TicketRequest = request }, 0);
        var resumed = server.Handshake(Servers.Psk(ticket, 0, 1000) with { TicketRequest = request }, 1000);

        Assert.Equal(expectedFull, full.NewSessionTickets.Count);
        Assert.Equal(HandshakeOutcome.PskDhe, resumed.Outcome);
        Assert.Equal(expectedResumed, resumed.NewSessionTickets.Count);
    }

    [Fact]
    public void TicketRequest_AddsItsExtensionToTheClientHelloBytes()
    {
        var server = Servers.Tls13(Options(8));
        var plain = server.Handshake(Fresh, 0).ClientHelloBytes;
        var withRequest = server.Handshake(Fresh with { TicketRequest = new TicketRequest(6, 1) }, 0).ClientHelloBytes;

        Assert.Equal(TicketRequest.ExtensionBytes, withRequest - plain);
    }

    [Fact]
    public void Cap_AboveSixteen_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Servers.Tls13(Options(17)));
}
