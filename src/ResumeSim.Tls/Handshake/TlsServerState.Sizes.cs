namespace ResumeSim.Tls;

/// <summary>
/// The bytes of each flight of a handshake, from the messages the server produced (<see cref="HandshakeSizes"/>):
/// RFC 5246 7.3 for TLS 1.2 (full and abbreviated), RFC 8446 2 for TLS 1.3 (full, PSK, PSK with 0-RTT).
/// </summary>
public sealed partial class TlsServerState
{
    private Sizes Sizes12(bool full, int sessionIdLength, in ClientHello hello)
    {
        // A client offering a ticket also sends a fresh 32 B session id (RFC 5077 3.4; OpenSSL does), which the server echoes.
        bool idInHello = !hello.SessionId.IsEmpty || !hello.Ticket.IsEmpty;
        int clientHello = HandshakeSizes.ClientHello(TlsVersion.Tls12, idInHello, hello.Ticket.Length, false);
        int nst = issued.Count > 0 ? HandshakeSizes.NewSessionTicketRecord(issued[0]) : 0;
        int hello12 = HandshakeSizes.ServerHello12(sessionIdLength, full, issued.Count > 0);
        int finish = nst + HandshakeSizes.ChangeCipherSpec + HandshakeSizes.Finished12;
        int clientFinish = HandshakeSizes.ChangeCipherSpec + HandshakeSizes.Finished12;
        if (!full)
        {
            // Abbreviated handshake (RFC 5246 7.3): the server sends ServerHello, [NewSessionTicket], CCS, Finished at once.
            return new Sizes(clientHello, hello12 + finish, hello12 + finish, clientFinish);
        }

        int first = hello12 + HandshakeSizes.PlainRecords(options.EffectiveChainBytes)
            + HandshakeSizes.ServerKeyExchange12(options.Certificate, HandshakeSizes.ServerKeyShareBytes(options.KeyExchange)) + HandshakeSizes.ServerHelloDone12;
        return new Sizes(clientHello, first + finish, first, HandshakeSizes.ClientKeyExchange12(HandshakeSizes.ClientKeyShareBytes(options.KeyExchange)) + clientFinish);
    }

    private Sizes Sizes13(bool full, bool dhe, bool earlyAccepted, in ClientHello hello)
    {
        int clientHello = HandshakeSizes.ClientHello(TlsVersion.Tls13, false, hello.Ticket.Length, hello.OffersEarlyData, options.KeyExchange)
            + (hello.TicketRequest is null ? 0 : TicketRequest.ExtensionBytes);
        int first = HandshakeSizes.ServerHello13(psk: !full, dhe, HandshakeSizes.ServerKeyShareBytes(options.KeyExchange)) + HandshakeSizes.ChangeCipherSpec
            + HandshakeSizes.EncryptedExtensions13(earlyAccepted) + HandshakeSizes.Finished13;
        if (full)
        {
            first += HandshakeSizes.Certificate13(options.EffectiveChainBytes, options.CertificateCount) + HandshakeSizes.CertificateVerify13(options.Certificate);
        }

        // OpenSSL sends NewSessionTicket after the client's Finished, so tickets are not in the first flight.
        int nst = 0;
        for (int i = 0; i < issued.Count; i++)
        {
            nst += HandshakeSizes.NewSessionTicketRecord(issued[i]);
        }

        int client = HandshakeSizes.ChangeCipherSpec + HandshakeSizes.Finished13 + (earlyAccepted ? HandshakeSizes.EndOfEarlyData13 : 0);
        return new Sizes(clientHello, first + nst, first, client);
    }

    private readonly record struct Sizes(int ClientHello, int Server, int ServerFirst, int Client);
}
