using ResumeSim.Tls;

namespace ResumeSim.Model.World;

/// <summary>One TLS connection in flight, kept in a pooled array and addressed by index.</summary>
internal struct Connection
{
    public int Client;
    public int Host;
    public int Page;
    public int Server;

    /// <summary>Connections of the same page and host waiting for this one's handshake (wait-for-first).</summary>
    public int Waiters;

    /// <summary>Which connection of its visit this is (for the balancer's hash).</summary>
    public int Ordinal;

    /// <summary>The client's visit number this connection belongs to (for the balancer's hash).</summary>
    public int Visit;

    public long Start;
    public long HelloAt;
    public long ServiceStart;

    /// <summary>Latency outside the server's CPU: the shared cache's round trip.</summary>
    public long ExtraLatency;

    public bool Measured;

    /// <summary>What the client offered (null: nothing).</summary>
    public ClientSession? Offer;

    public HandshakeResult? Result;

    public MissReason Miss;
}
