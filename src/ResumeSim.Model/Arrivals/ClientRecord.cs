namespace ResumeSim.Model.Arrivals;

/// <summary>
/// What the world touches about a client on every visit, in one struct (12 B) so that a visit to a
/// random one of a million clients costs one cache miss rather than one per array. The client's
/// session cache is its entry in the world's <see cref="ResumeSim.Tls.ClientSessionArena"/>.
/// </summary>
internal struct ClientRecord
{
    /// <summary>Visits made so far (the counter of the client's visit-gap stream).</summary>
    public int VisitCounter;

    public int RttMicros;

    /// <summary>Index into <see cref="ClientPopulation.Kinds"/>.</summary>
    public byte Kind;
}
