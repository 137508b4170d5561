namespace ResumeSim.Tls.Tests;

/// <summary>Flight sizes from produced messages against parameters.md section 5 (OpenSSL 3.0.19, measured), within 5%.</summary>
public sealed class HandshakeSizesTests
{
    private static void Near(int measured, int actual) =>
        Assert.InRange(actual, measured * 0.95, measured * 1.05);

    [Fact]
    public void Tls12_FullRsaWithIds_ServerSends2661()
    {
        var result = Servers.Tls12(tickets: false).Handshake(Servers.Fresh12(), 0);
        Near(2661, result.ServerFlightBytes);
        Assert.Equal(2661, result.ServerFlightBytes);
        Assert.Equal(207, result.ClientHelloBytes);
    }

    [Fact]
    public void Tls12_FullRsaWithTickets_ServerSends2824()
    {
        var result = Servers.Tls12(ids: false).Handshake(Servers.Fresh12(), 0);
        Near(2824, result.ServerFlightBytes);
        Assert.Equal(2824, result.ServerFlightBytes);
    }

    [Fact]
    public void Tls12_Resumed_ServerSends141()
    {
        var server = Servers.Tls12(ids: false);
        var ticket = server.Handshake(Servers.Fresh12(), 0).NewTickets[0];
        var byTicket = server.Handshake(Servers.WithTicket(ticket, Sessions.Id(1)), 1);
        Assert.Equal(141, byTicket.ServerFlightBytes);
        Assert.Equal(415, byTicket.ClientHelloBytes);
        Assert.Equal(415, server.Handshake(Servers.WithTicket(ticket), 2).ClientHelloBytes);

        var ids = Servers.Tls12(tickets: false);
        var full = ids.Handshake(Servers.Fresh12(), 0);
        var byId = ids.Handshake(Servers.WithId(full.NewSessionId), 1);
        Assert.Equal(141, byId.ServerFlightBytes);
        Assert.Equal(239, byId.ClientHelloBytes);
    }

    [Fact]
    public void Tls13_FullRsaTwoTickets_Near3251()
    {
        var result = Servers.Tls13().Handshake(ClientHello.Fresh13(Servers.Host), 0);
        Near(3251, result.ServerFlightBytes);
        Assert.Equal(244, result.ClientHelloBytes);
    }

    [Fact]
    public void Tls13_Resumed_Near496_ClientHelloNear515()
    {
        var server = Servers.Tls13();
        var full = server.Handshake(ClientHello.Fresh13(Servers.Host), 0);
        var resumed = server.Handshake(Servers.Psk(full.NewSessionTickets[0], 0, 1), 1);
        Near(496, resumed.ServerFlightBytes);
        Near(515, resumed.ClientHelloBytes);
    }

    [Fact]
    public void NewSessionTicket_MessageSizes_MatchMeasured()
    {
        Assert.Equal(186, new NewSessionTicket(TlsVersion.Tls12, 300, 0, 0, new byte[176]).MessageBytes);
        Assert.Equal(233, new NewSessionTicket(TlsVersion.Tls13, 300, 0, 0, new byte[208]).MessageBytes);
    }

    [Fact]
    public void Tls12_EcdsaChain_SmallerFirstFlightThanRsa()
    {
        var rsa = Servers.Tls12(tickets: false).Handshake(Servers.Fresh12(), 0);
        var ecdsa = Servers.Tls12(tickets: false, certificate: CertificateKind.EcdsaP256).Handshake(Servers.Fresh12(), 0);
        Assert.Equal(rsa.ServerFirstFlightBytes - (2193 - 1496) - (256 - 72), ecdsa.ServerFirstFlightBytes);
        Assert.True(rsa.ServerFirstFlightBytes < rsa.ServerFlightBytes);
    }

    [Fact]
    public void Tls13_TicketsAreNotInTheFirstFlight()
    {
        var result = Servers.Tls13().Handshake(ClientHello.Fresh13(Servers.Host), 0);
        int tickets = 0;
        foreach (var t in result.NewSessionTickets)
        {
            tickets += HandshakeSizes.NewSessionTicketRecord(t);
        }

        Assert.Equal(result.ServerFlightBytes - tickets, result.ServerFirstFlightBytes);
    }

    [Fact]
    public void LargeCertificateChain_SpansSeveralRecords()
    {
        Assert.Equal(20000 + 10, HandshakeSizes.PlainRecords(20000));
        Assert.Equal(16384 + 5, HandshakeSizes.PlainRecords(16384));
        Assert.Equal(100 + 22, HandshakeSizes.EncryptedRecords13(100));
    }

    [Fact]
    public void Tls12_ClientFlights_FullAndResumed()
    {
        var server = Servers.Tls12(tickets: false);
        var full = server.Handshake(Servers.Fresh12(), 0);
        Assert.Equal(42 + 6 + 45, full.ClientFlightBytes);
        Assert.Equal(6 + 45, server.Handshake(Servers.WithId(full.NewSessionId), 1).ClientFlightBytes);
    }
}
