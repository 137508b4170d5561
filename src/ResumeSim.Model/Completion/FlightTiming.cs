using ResumeSim.Model.Configuration;
using ResumeSim.Tls;

namespace ResumeSim.Model.Completion;

/// <summary>
/// Round trips a connection spends before the client can send its first request (DESIGN.md
/// section 4): TCP 1 RTT, then TLS flights by outcome (RFC 5246 7.3: full 2 RTT, abbreviated 1 RTT;
/// RFC 8446 2: full 1 RTT, PSK 1 RTT, 0-RTT sends the request with the ClientHello), plus extra
/// round trips when the server's first flight exceeds TCP's initial congestion window.
/// </summary>
internal static class FlightTiming
{
    /// <summary>Round trips after the server flight has reached the client, before it can send data.</summary>
    public static int RoundTripsAfterServerFlight(ProtocolVersion version, HandshakeOutcome outcome) =>
        version == ProtocolVersion.Tls12 && outcome == HandshakeOutcome.Full
            ? 1 // TLS 1.2 full: ClientKeyExchange..Finished, then the server's Finished
            : 0; // abbreviated TLS 1.2 and every TLS 1.3 handshake: the client sends Finished with its request

    /// <summary>
    /// Extra round trips for a first flight of <paramref name="bytes"/> under slow start from an
    /// initial window of <paramref name="network"/>'s segments (RFC 6928): round k carries 2^k windows.
    /// </summary>
    public static int ExtraRoundTripsForFlight(int bytes, NetworkConfig network)
    {
        long window = (long)network.InitialCwndSegments * network.MssBytes;
        long sent = window;
        var extra = 0;
        while (sent < bytes)
        {
            window *= 2;
            sent += window;
            extra++;
        }

        return extra;
    }

    /// <summary>
    /// Whether a client of <paramref name="preset"/> False Starts this handshake (RFC 7918): a full TLS 1.2
    /// handshake, whose ECDHE key exchange and AEAD suite (<c>TlsServerState</c> picks ECDHE-*-AES128-GCM)
    /// and negotiated ALPN (web servers answer it) meet Chrome's and Firefox's conditions, so the request
    /// leaves with the client's Finished, one round trip before the server's Finished arrives.
    /// </summary>
    public static bool FalseStarts(ClientPreset preset, HandshakeResult result) =>
        result.Outcome == HandshakeOutcome.Full && result.Version == TlsVersion.Tls12 && preset.FalseStart;
}
