using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ResumeSim.LowLevel.Memory;

namespace ResumeSim.Tls;

/// <summary>
/// One slot of a <see cref="SessionTable"/>'s hash table: an entry with its list links and, when it fits,
/// the serialized session itself, in one 144-byte struct, so a lookup, an insert or an eviction touches
/// one slot's lines on one page. The session is kept serialized, as nginx keeps <c>i2d_SSL_SESSION</c>
/// bytes in its shared zone: no object per stored session, so ten million of them cost the garbage
/// collector nothing, and the slot array holds no reference and can sit on huge pages. A TLS 1.2 session
/// without server name or ALPN (79 B) fits <see cref="Inline"/>; a longer one goes to the table's
/// <see cref="ByteArena"/> and <see cref="State"/> holds its handle. At ten million clients the second
/// page a lookup read there cost a page walk of its own (docs/performance.md, Follow-up 6).
/// A zero <see cref="Length"/> marks an empty slot (a serialized session is at least
/// <see cref="SessionState.FixedLength12"/> bytes). Prev and Next are slot numbers, re-pointed when a
/// removal shifts an entry back along its probe run.
/// </summary>
internal struct SessionSlot
{
    /// <summary>The longest serialized session kept in the slot itself.</summary>
    public const int InlineBytes = 84;

    public SessionId Id;

    public long ExpiresAt;

    /// <summary>The serialized session's handle in the table's arena, or -1 when it is in <see cref="Inline"/>.</summary>
    public int State;

    /// <summary>The serialized session's length; 0 for an empty slot.</summary>
    public int Length;

    public int Size;
    public int Prev;
    public int Next;

    /// <summary>The serialized session, when <see cref="State"/> is -1.</summary>
    public InlineSession Inline;

    /// <summary>The serialized session's bytes, wherever they are.</summary>
    public static ReadOnlySpan<byte> Bytes(ref SessionSlot slot, ByteArena arena) =>
        slot.State < 0
            ? MemoryMarshal.CreateReadOnlySpan(ref slot.Inline[0], slot.Length)
            : arena.Span(slot.State, slot.Length);
}

/// <summary>Room for a serialized session inside its <see cref="SessionSlot"/>.</summary>
[InlineArray(SessionSlot.InlineBytes)]
internal struct InlineSession
{
    private byte first;
}
