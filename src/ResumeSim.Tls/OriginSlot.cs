namespace ResumeSim.Tls;

/// <summary>One origin key of a <see cref="ClientSessionCache"/> and when it was last used: kept together so a cache holds one small array of them rather than two.</summary>
internal struct OriginSlot
{
    public int Origin;
    public long LastUse;
}
