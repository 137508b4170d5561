namespace ResumeSim.Tls;

/// <summary>
/// One entry of a <see cref="SessionTable"/> with its list links, in one struct (64 B) so a lookup,
/// an insert or an eviction touches one cache line of the table instead of one per field array.
/// </summary>
internal struct SessionSlot
{
    public SessionId Id;
    public SessionState? State;
    public long ExpiresAt;
    public int Size;
    public int Prev;
    public int Next;
}
