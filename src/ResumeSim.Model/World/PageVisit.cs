namespace ResumeSim.Model.World;

/// <summary>One page visit: ready when every connection it opens has completed its handshake.</summary>
internal struct PageVisit
{
    public int Client;
    public long Start;
    public int Open;
    public bool Measured;
}
