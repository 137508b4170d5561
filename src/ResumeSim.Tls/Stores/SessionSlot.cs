using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ResumeSim.LowLevel.Memory;

namespace ResumeSim.Tls;

/// <summary>
/// One slot of a <see cref="SessionTable"/>'s hash table: an entry with its list links and, when it fits,
/// the serialized session itself, in two cache lines (128 B), so a lookup, an insert or an eviction touches
/// one slot's lines on one page: slot arrays are page-aligned (<see cref="NativeBlock{T}"/>) and 32 slots
/// fill a 4 KiB page exactly, so no slot straddles a page or a line pair. The session is kept serialized,
/// as nginx keeps <c>i2d_SSL_SESSION</c> bytes in its shared zone: no object per stored session, so ten
/// million of them cost the garbage collector nothing, and the slot array holds no reference and can sit
/// on huge pages. A TLS 1.2 session without server name or ALPN (79 B) fits <see cref="Inline"/>; a
/// longer one goes to the table's <see cref="ByteArena"/>, and <see cref="Inline"/> holds its handle and
/// length instead. At ten million clients the second page a lookup read there cost a page walk of its own
/// (docs/performance.md, Follow-up 6).
/// <para><see cref="Place"/> says where the session is: 0 marks an empty slot (a serialized session is at
/// least <see cref="SessionState.FixedLength12"/> bytes), 1 to <see cref="InlineBytes"/> is the length of
/// a session held inline, <see cref="InArena"/> one held in the arena. The entry's accounted size is not
/// kept: it follows from the session's length and the store's options (<c>SessionTable.EntrySize</c>).
/// Prev and Next are slot numbers, re-pointed when a removal shifts an entry back along its probe run.</para>
/// </summary>
internal struct SessionSlot
{
    /// <summary>The longest serialized session kept in the slot itself: a TLS 1.2 session without server name or ALPN.</summary>
    public const int InlineBytes = 79;

    /// <summary><see cref="Place"/> of an entry whose session is in the arena.</summary>
    public const byte InArena = byte.MaxValue;

    public SessionId Id;

    public long ExpiresAt;

    public int Prev;
    public int Next;

    /// <summary>0 (empty), the inline session's length, or <see cref="InArena"/>.</summary>
    public byte Place;

    /// <summary>The serialized session; for one in the arena, its handle (4 bytes) and length (2 bytes).</summary>
    public InlineSession Inline;

    /// <summary>True when the slot holds an entry.</summary>
    public readonly bool IsUsed => Place != 0;

    /// <summary>The serialized session's length, wherever it is.</summary>
    public static int Length(ref SessionSlot slot) =>
        slot.Place == InArena ? BinaryPrimitives.ReadUInt16LittleEndian(slot.Inline[4..]) : slot.Place;

    /// <summary>The arena handle of a session held there.</summary>
    public static int Handle(ref SessionSlot slot) => BinaryPrimitives.ReadInt32LittleEndian(slot.Inline);

    /// <summary>Keeps <paramref name="session"/> in the slot, or in <paramref name="arena"/> when it is too long.</summary>
    public static void Store(ref SessionSlot slot, ReadOnlySpan<byte> session, ByteArena arena)
    {
        if (session.Length <= InlineBytes)
        {
            session.CopyTo(slot.Inline);
            slot.Place = (byte)session.Length;
            return;
        }

        BinaryPrimitives.WriteInt32LittleEndian(slot.Inline, arena.Add(session));
        BinaryPrimitives.WriteUInt16LittleEndian(slot.Inline[4..], checked((ushort)session.Length));
        slot.Place = InArena;
    }

    /// <summary>Gives back the arena record of a session held there (nothing for one held inline).</summary>
    public static void Release(ref SessionSlot slot, ByteArena arena)
    {
        if (slot.Place == InArena)
        {
            arena.Free(Handle(ref slot), Length(ref slot));
        }
    }

    /// <summary>The serialized session's bytes, wherever they are.</summary>
    public static ReadOnlySpan<byte> Bytes(ref SessionSlot slot, ByteArena arena) =>
        slot.Place == InArena
            ? arena.Span(Handle(ref slot), Length(ref slot))
            : MemoryMarshal.CreateReadOnlySpan(ref slot.Inline[0], slot.Place);
}

/// <summary>Room for a serialized session inside its <see cref="SessionSlot"/>.</summary>
[InlineArray(SessionSlot.InlineBytes)]
internal struct InlineSession
{
    private byte first;
}
