using System.Buffers.Binary;

namespace ResumeSim.Tls;

/// <summary>
/// 0-RTT anti-replay for one server (or one shared strike register): a ticket is accepted for early
/// data at most once (RFC 8446 8.1, single-use tickets) and only when the client's ticket age is
/// within <see cref="WindowNs"/> of the age the server expects (RFC 8446 8.2 ClientHello recording
/// plus the 8.3 freshness check). Records are kept for two windows: a replay later than that fails
/// the freshness check, so the record can go. When the record is full, early data is refused
/// (fail closed). Times in ns; not thread-safe.
/// </summary>
public sealed class EarlyDataGuard
{
    private readonly Dictionary<UInt128, long> seen;
    private readonly Queue<(UInt128 Id, long At)> order = new();

    /// <summary>Creates a guard.</summary>
    public EarlyDataGuard(long windowNs, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowNs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        WindowNs = windowNs;
        Capacity = capacity;
        seen = new Dictionary<UInt128, long>(Math.Min(capacity, 1 << 16));
    }

    /// <summary>Allowed difference between the client's and the server's view of the ticket age.</summary>
    public long WindowNs { get; }

    /// <summary>Most tickets remembered at once.</summary>
    public int Capacity { get; }

    /// <summary>Tickets remembered now.</summary>
    public int Count => seen.Count;

    /// <summary>Early data accepted.</summary>
    public long Accepted { get; private set; }

    /// <summary>Refused as replays.</summary>
    public long Replays { get; private set; }

    /// <summary>Refused by the freshness check.</summary>
    public long OutsideWindow { get; private set; }

    /// <summary>Refused because the record was full.</summary>
    public long Full { get; private set; }

    /// <summary>
    /// Decides on early data for <paramref name="ticket"/> (its last 16 bytes, a MAC or tag or random id,
    /// identify it). <paramref name="clientTicketAgeMs"/> is obfuscated_ticket_age minus age_add;
    /// <paramref name="ticketIssuedAt"/> is when the server issued the ticket.
    /// </summary>
    public EarlyDataStatus TryAccept(ReadOnlySpan<byte> ticket, uint clientTicketAgeMs, long ticketIssuedAt, long now)
    {
        if (ticket.Length < 16)
        {
            return EarlyDataStatus.RejectedNoPsk;
        }

        Purge(now);
        long expectedAgeMs = (now - ticketIssuedAt) / Nanoseconds.PerMillisecond;
        if (Math.Abs(clientTicketAgeMs - expectedAgeMs) * Nanoseconds.PerMillisecond > WindowNs)
        {
            OutsideWindow++;
            return EarlyDataStatus.RejectedOutsideWindow;
        }

        var id = BinaryPrimitives.ReadUInt128BigEndian(ticket[^16..]);
        if (seen.ContainsKey(id))
        {
            Replays++;
            return EarlyDataStatus.RejectedReplay;
        }

        if (seen.Count >= Capacity)
        {
            Full++;
            return EarlyDataStatus.RejectedGuardFull;
        }

        seen.Add(id, now);
        order.Enqueue((id, now));
        Accepted++;
        return EarlyDataStatus.Accepted;
    }

    private void Purge(long now)
    {
        while (order.Count > 0 && now - order.Peek().At >= 2 * WindowNs)
        {
            seen.Remove(order.Dequeue().Id);
        }
    }
}
