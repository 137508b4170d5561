namespace ResumeSim.Tls;

/// <summary>
/// One origin key of a <see cref="ClientSessionCache"/>, when it was last used and its newest session:
/// kept together so the usual lookup reads the cache (or its small array) and then the session.
/// </summary>
internal struct OriginSlot
{
    public int Origin;
    public long LastUse;
    public ClientSession? Newest;
}
