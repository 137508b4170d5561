using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace ResumeSim.Tls;

/// <summary>
/// A 32-byte TLS session id (RFC 5246 7.4.1.2, <c>SessionID&lt;0..32&gt;</c>; servers issue 32 B).
/// Held inline in four <see cref="ulong"/> fields so dictionaries keyed by it allocate nothing per key.
/// All zeros means "no session id" (<see cref="Empty"/>): a random id is zero with probability 2^-256.
/// </summary>
[StructLayout(LayoutKind.Auto)]
public readonly struct SessionId : IEquatable<SessionId>
{
    /// <summary>Length of an id issued by this server, in bytes.</summary>
    public const int Length = 32;

    private readonly ulong a;
    private readonly ulong b;
    private readonly ulong c;
    private readonly ulong d;

    private SessionId(ulong a, ulong b, ulong c, ulong d)
    {
        this.a = a;
        this.b = b;
        this.c = c;
        this.d = d;
    }

    /// <summary>The absent id (a client that offers nothing sends an empty SessionID).</summary>
    public static SessionId Empty => default;

    /// <summary>True for <see cref="Empty"/>.</summary>
    public bool IsEmpty => (a | b | c | d) == 0;

    /// <summary>Reads exactly <see cref="Length"/> bytes.</summary>
    /// <exception cref="ArgumentException">when <paramref name="bytes"/> is not 32 bytes long.</exception>
    public static SessionId FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException($"A session id is {Length} bytes, got {bytes.Length}.", nameof(bytes));
        }

        return new SessionId(
            BinaryPrimitives.ReadUInt64BigEndian(bytes),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]));
    }

    /// <summary>A fresh id from <paramref name="random"/> (32 random bytes, as OpenSSL's def_generate_session_id).</summary>
    public static SessionId NewRandom(IRandomBytes random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Span<byte> bytes = stackalloc byte[Length];
        random.Fill(bytes);
        return FromBytes(bytes);
    }

    /// <summary>Writes the 32 bytes to <paramref name="destination"/>.</summary>
    public void CopyTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, a);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], b);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], c);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], d);
    }

    /// <inheritdoc />
    public bool Equals(SessionId other) => a == other.a && b == other.b && c == other.c && d == other.d;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SessionId other && Equals(other);

    /// <summary>
    /// 64 bits that tell ids apart for bookkeeping (<see cref="RemovedSessions"/>): ids are random, so two of a
    /// million ids share them with probability about 3 in 10^8.
    /// </summary>
    internal ulong Fingerprint => a ^ (c * 0x9E3779B97F4A7C15UL);

    /// <summary>Ids are random, so folding the words is a good hash.</summary>
    public override int GetHashCode()
    {
        ulong x = a ^ (b * 31) ^ (c * 961) ^ (d * 29791);
        return (int)(x ^ (x >> 32));
    }

    /// <summary>Equality.</summary>
    public static bool operator ==(SessionId left, SessionId right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(SessionId left, SessionId right) => !left.Equals(right);

    /// <summary>Hex, for logs and test failure messages.</summary>
    public override string ToString() => $"{a:x16}{b:x16}{c:x16}{d:x16}";
}
