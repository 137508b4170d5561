namespace ResumeSim.Tls;

/// <summary>
/// One slot of a <see cref="SessionTable"/>'s hash table: an entry with its list links, in one struct
/// (64 B) so a lookup, an insert or an eviction touches one slot instead of one line per field array.
/// A null <see cref="State"/> marks an empty slot (stores never hold a null state). Prev and Next are
/// slot numbers, re-pointed when a removal shifts an entry back along its probe run.
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
