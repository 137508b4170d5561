using ResumeSim.Tls;

namespace ResumeSim.Model.World;

/// <summary>
/// What the world touches about a client on every visit, in one struct (24 B) so that a visit to a
/// random one of a million clients costs one cache miss rather than one per array.
/// </summary>
internal struct ClientRecord
{
    /// <summary>The client's session cache, created on its first handshake (null before, or for clients that never resume).</summary>
    public ClientSessionCache? Cache;

    /// <summary>Visits made so far (the counter of the client's visit-gap stream).</summary>
    public int VisitCounter;

    public int RttMicros;

    /// <summary>Index into <see cref="ClientPopulation.Kinds"/>.</summary>
    public byte Kind;
}
