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

    /// <summary>
    /// The client's RTT and kind, copied from its record when the connection opens: both are fixed per
    /// client, and the record (one among millions) is no longer in cache when the handshake ends.
    /// </summary>
    public int RttMicros;

    /// <summary>See <see cref="RttMicros"/>.</summary>
    public byte Kind;

    /// <summary>The worker process of <see cref="Server"/> that accepted the connection (0 unless its stores are per worker).</summary>
    public ushort Worker;

    public long Start;
    public long HelloAt;

    /// <summary>Latency outside the server's CPU: the shared cache's round trip.</summary>
    public long ExtraLatency;

    public bool Measured;

    /// <summary>What the client offered, when <see cref="HasOffer"/>; its ticket bytes are the world's per-connection copy.</summary>
    public HeldSession Offer;

    public bool HasOffer;

    public HandshakeResult? Result;

    public MissReason Miss;

    /// <summary>Why the client offered nothing, when it did not (set when the connection opens).</summary>
    public MissReason NoOffer;

    /// <summary>
    /// Whether the client will keep something from this handshake (a session ID, a ticket): only then does
    /// its completion read the client's session cache, so only then is that read started early.
    /// </summary>
    public bool Keeps;

    /// <summary>The client's RTT in ticks (ns).</summary>
    public readonly long RttTicks => RttMicros * 1000L;

    /// <summary>
    /// This connection's counter for hashed draws (balancer choice, service time): a pure function of
    /// the visit and the ordinal, so every strategy of a replication draws the same value for it.
    /// </summary>
    public readonly ulong DrawKey => ((ulong)(uint)Visit << 16) | (uint)Ordinal;
}
