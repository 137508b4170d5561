namespace ResumeSim.Tls;

/// <summary>
/// One slot of a <see cref="SessionTable"/>'s hash table: an entry with its list links, in one struct
/// (64 B) so a lookup, an insert or an eviction touches one slot instead of one line per field array.
/// The session itself is kept serialized in the table's <see cref="ByteArena"/>, as nginx keeps
/// <c>i2d_SSL_SESSION</c> bytes in its shared zone: no object per stored session, so ten million of them
/// cost the garbage collector nothing, and the slot array holds no reference and can sit on huge pages.
/// A zero <see cref="Length"/> marks an empty slot (a serialized session is at least
/// <see cref="SessionState.FixedLength12"/> bytes). Prev and Next are slot numbers, re-pointed when a
/// removal shifts an entry back along its probe run.
/// </summary>
internal struct SessionSlot
{
    public SessionId Id;

    /// <summary>The serialized session's handle in the table's arena.</summary>
    public int State;

    /// <summary>The serialized session's length; 0 for an empty slot.</summary>
    public int Length;

    public long ExpiresAt;
    public int Size;
    public int Prev;
    public int Next;
}
