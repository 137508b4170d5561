using System.Runtime.CompilerServices;
using ResumeSim.LowLevel.Memory;

namespace ResumeSim.Tls;

/// <summary>
/// The session caches of a whole client population, kept in arrays of structs with no object per client,
/// session or ticket, so that ten million clients fit in memory and cost the garbage collector nothing to
/// trace (docs/performance.md, Scale). Each client's cache behaves as Chrome's does
/// (and as <see cref="ClientSessionCache"/>, which is this arena for one client): keyed by origin, LRU over
/// keys up to <see cref="ClientPreset.CacheEntries"/>, at most <see cref="ClientPreset.SessionsPerKey"/>
/// sessions per key (newest first), a client-side lifetime cap, expired entries purged every 256 lookups,
/// and TLS 1.3 tickets popped on use when the preset says so (parameters.md section 2).
/// <para>Layout: one <c>Head</c> per client holds its first origin and that origin's newest session inline
/// (108 B), followed, when the arena is made with room for them, by that session's ticket and by the
/// caller's own bytes for the client (<see cref="ClientRoom"/>), all in one stride of whole cache lines: a
/// client of one origin, the common case, costs one stride on one page per visit.
/// That origin's older sessions sit in a pooled block; further origins in a small per-client overflow
/// object, made only for clients of several origins. Other tickets, and tickets longer than the room, live
/// in <see cref="ByteArena"/> pages. The garbage collector therefore sees a handful of large arrays instead
/// of three or four objects per client, which at ten million clients was its largest cost.</para>
/// <para>The caller passes the client's <see cref="ClientPreset"/> to every call and must pass the same one
/// for a client throughout (it fixes the block layout). Times in ns. Not thread-safe.</para>
/// </summary>
public sealed partial class ClientSessionArena
{
    /// <summary>
    /// Longest ticket held (bytes). The core's largest is 672 B (AES-256-CBC over a TLS 1.3 state with
    /// 255-byte SNI and ALPN); RFC 5077 allows 65535, but no client here receives more than this.
    /// </summary>
    public const int MaxTicketLength = 1024;

    private const int PurgeEveryLookups = 256;

    private readonly ByteArena tickets = new(MaxTicketLength);

    /// <summary>
    /// Creates empty caches for clients 0..<paramref name="clients"/>-1, with room beside each head for a
    /// ticket of up to <paramref name="inlineTicketBytes"/> bytes (0: every ticket goes to the arena's pages)
    /// and, after it, <paramref name="clientBytes"/> bytes of the caller's own per client (see <see cref="ClientRoom"/>).
    /// </summary>
    public unsafe ClientSessionArena(int clients, int inlineTicketBytes = 0, int clientBytes = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(clients);
        ArgumentOutOfRangeException.ThrowIfNegative(inlineTicketBytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(inlineTicketBytes, MaxTicketLength);
        ArgumentOutOfRangeException.ThrowIfNegative(clientBytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(clientBytes, PageBytes / 2);
        storage = AllocateHeads(clients, inlineTicketBytes, clientBytes, out firstHead, out stride);
        Clients = clients;
        InlineTicketBytes = inlineTicketBytes;
        ClientBytes = clientBytes;
    }

    /// <summary>Number of clients.</summary>
    public int Clients { get; }

    /// <summary>The longest ticket kept beside its client's head rather than in the arena's pages.</summary>
    public int InlineTicketBytes { get; }

    /// <summary>Bytes of the caller's own kept in each client's stride (<see cref="ClientRoom"/>).</summary>
    public int ClientBytes { get; }

    /// <summary>Origin keys dropped because a client's cache was full, over all clients.</summary>
    public long Evictions { get; private set; }

    /// <summary>Bytes of ticket held, over all clients, beside heads or in pages (rounded up to 16 B per ticket).</summary>
    public long TicketBytesHeld => tickets.Bytes + inlineTicketsHeld;

    /// <summary>Hints that <paramref name="client"/>'s cache (its head, and the ticket beside it) is about to be read (see <see cref="LargeArrays.Prefetch{T}"/>).</summary>
    public void Prefetch(int client) => LargeArrays.Prefetch(ref Unsafe.As<Head, byte>(ref HeadOf(client)), stride);

    /// <summary>
    /// Reads <paramref name="client"/>'s head (best loaded by <see cref="Prefetch"/> an event earlier) and,
    /// when the ticket of its first origin's newest session is in the arena's pages, starts loading it, as a
    /// lookup would copy it next. Changes nothing.
    /// </summary>
    public void PrefetchTicket(int client)
    {
        ref var h = ref HeadOf(client);
        ref readonly var newest = ref h.First.Newest;
        if (h.Count > 0 && newest.Present && newest.Ticket >= 0)
        {
            tickets.Prefetch(newest.Ticket, newest.Session.TicketLength);
        }
    }

    /// <summary>Origin keys <paramref name="client"/> holds.</summary>
    public int Count(int client) => HeadOf(client).Count;

    /// <summary>Sessions <paramref name="client"/> holds over all keys (expired ones included until looked up).</summary>
    public int SessionCount(int client, ClientPreset preset)
    {
        ref var h = ref HeadOf(client);
        int perKey = PerKey(preset);
        int total = 0;
        for (int k = 0; k < h.Count; k++)
        {
            for (int i = 0; i < perKey; i++)
            {
                total += At(ref h, perKey, k, i).Present ? 1 : 0;
            }
        }

        return total;
    }

    /// <summary>Sessions left for <paramref name="origin"/> (expired ones included until looked up).</summary>
    public int SessionsFor(int client, ClientPreset preset, int origin)
    {
        ref var h = ref HeadOf(client);
        int perKey = PerKey(preset);
        int k = Find(ref h, origin);
        int n = 0;
        for (int i = 0; k >= 0 && i < perKey; i++)
        {
            n += At(ref h, perKey, k, i).Present ? 1 : 0;
        }

        return n;
    }

    /// <summary>
    /// Whether <paramref name="client"/> holds a session for <paramref name="origin"/> it would still offer at
    /// <paramref name="now"/> (not expired by its own cap or the ticket's lifetime). Changes nothing: an
    /// expired session is dropped only when a lookup meets it.
    /// </summary>
    public bool HasUsableSession(int client, ClientPreset preset, int origin, long now)
    {
        ArgumentNullException.ThrowIfNull(preset);
        ref var h = ref HeadOf(client);
        int perKey = PerKey(preset);
        int k = Find(ref h, origin);
        for (int i = 0; k >= 0 && i < perKey; i++)
        {
            var s = At(ref h, perKey, k, i);
            if (s.Present && !IsExpired(s.Session, preset, now))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Stores <paramref name="session"/>, with its <paramref name="ticket"/> bytes (as many as
    /// <see cref="HeldSession.TicketLength"/>), as <paramref name="client"/>'s newest for
    /// <paramref name="origin"/>; the oldest beyond the per-key limit goes.
    /// </summary>
    public void Put(int client, ClientPreset preset, int origin, in HeldSession session, ReadOnlySpan<byte> ticket, long now)
    {
        ArgumentNullException.ThrowIfNull(preset);
        if (ticket.Length != session.TicketLength)
        {
            throw new ArgumentException($"The session says its ticket is {session.TicketLength} B, got {ticket.Length} B.", nameof(ticket));
        }

        if (!preset.Resumes)
        {
            return;
        }

        // A client that resumes TLS 1.2 only with tickets keeps nothing from a handshake that issued none.
        var kept = session;
        if (!preset.OffersSessionIds && session.Version == TlsVersion.Tls12)
        {
            if (!session.HasTicket)
            {
                return;
            }

            kept = session.WithoutSessionId();
        }

        ref var h = ref HeadOf(client);
        int perKey = PerKey(preset);
        int k = Find(ref h, origin);
        if (k < 0)
        {
            k = AddKey(ref h, preset, perKey, origin);
        }

        Release(At(ref h, perKey, k, perKey - 1));
        for (int i = perKey - 1; i > 0; i--)
        {
            SetAt(ref h, perKey, k, i, At(ref h, perKey, k, i - 1));
        }

        SetAt(ref h, perKey, k, 0, new StoredSession(kept, k == 0 ? KeepFirstTicket(ref h, ticket) : tickets.Add(ticket)));
        Key(ref h, k).LastUse = ++h.UseClock;
    }

    /// <summary>
    /// Takes <paramref name="client"/>'s newest usable session for <paramref name="origin"/> and copies its
    /// ticket into <paramref name="ticket"/> (at least <see cref="MaxTicketLength"/> bytes is always enough):
    /// a TLS 1.3 ticket is removed when single use, a TLS 1.2 session stays. Tells a plain miss from
    /// "everything had expired".
    /// </summary>
    public ClientLookup Lookup(int client, ClientPreset preset, int origin, long now, out HeldSession session, Span<byte> ticket)
    {
        ArgumentNullException.ThrowIfNull(preset);
        session = default;
        if (!preset.Resumes)
        {
            return ClientLookup.Miss;
        }

        ref var h = ref HeadOf(client);
        int perKey = PerKey(preset);

        // Chrome purges expired entries every 256 lookups (parameters.md "Chrome client session cache").
        if (++h.Lookups % PurgeEveryLookups == 0)
        {
            PurgeExpired(ref h, preset, perKey, now);
        }

        int k = Find(ref h, origin);
        if (k < 0)
        {
            return ClientLookup.Miss;
        }

        bool expired = DropExpired(ref h, preset, perKey, k, now);
        var newest = At(ref h, perKey, k, 0);
        if (!newest.Present)
        {
            RemoveKey(ref h, perKey, k);
            return expired ? ClientLookup.Expired : ClientLookup.Miss;
        }

        session = newest.Session;
        if (ticket.Length < session.TicketLength)
        {
            throw new ArgumentException($"A {session.TicketLength} B ticket does not fit in {ticket.Length} B.", nameof(ticket));
        }

        if (session.HasTicket)
        {
            TicketOf(ref h, newest).CopyTo(ticket);
        }

        if (session.Version == TlsVersion.Tls13 && preset.SingleUseTls13Tickets)
        {
            RemoveAt(ref h, perKey, k, 0);
            if (!At(ref h, perKey, k, 0).Present)
            {
                RemoveKey(ref h, perKey, k);
                return ClientLookup.Hit;
            }
        }

        Key(ref h, k).LastUse = ++h.UseClock;
        return ClientLookup.Hit;
    }

    /// <summary>Forgets <paramref name="origin"/> (e.g. after the server refused its session).</summary>
    public bool Remove(int client, ClientPreset preset, int origin)
    {
        ref var h = ref HeadOf(client);
        int k = Find(ref h, origin);
        if (k < 0)
        {
            return false;
        }

        RemoveKey(ref h, PerKey(preset), k);
        return true;
    }
}
