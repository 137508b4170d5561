namespace ResumeSim.Tls;

/// <summary>
/// One client's session cache, keyed by origin (the simulator numbers hosts 0..h-1; Chrome's key is
/// host:port + IP + isolation key): a <see cref="ClientSessionArena"/> of one client, with sessions in and
/// out as <see cref="ClientSession"/> objects. The simulated world keeps its millions of clients in one
/// arena instead; this class gives the same behaviour to code that holds one client (tests, tools).
/// LRU over keys up to <see cref="ClientPreset.CacheEntries"/>, at most <see cref="ClientPreset.SessionsPerKey"/>
/// sessions per key (newest first), a client-side lifetime cap, and TLS 1.3 tickets popped on use when the
/// preset says so (Chrome, parameters.md section 2). Times in ns; not thread-safe.
/// </summary>
public sealed class ClientSessionCache
{
    private const int Client = 0;

    private readonly ClientPreset preset;
    private readonly ClientSessionArena arena = new(1);
    private readonly byte[] ticket = new byte[ClientSessionArena.MaxTicketLength];

    /// <summary>Creates an empty cache.</summary>
    public ClientSessionCache(ClientPreset preset)
    {
        ArgumentNullException.ThrowIfNull(preset);
        preset.Validate();
        this.preset = preset;
    }

    /// <summary>The behaviour.</summary>
    public ClientPreset Preset => preset;

    /// <summary>Origin keys held.</summary>
    public int Count => arena.Count(Client);

    /// <summary>Sessions held over all keys.</summary>
    public int SessionCount => arena.SessionCount(Client, preset);

    /// <summary>Keys dropped because the cache was full.</summary>
    public long Evictions => arena.Evictions;

    /// <summary>Stores <paramref name="session"/> for <paramref name="origin"/> as its newest; the oldest beyond the per-key limit goes.</summary>
    public void Put(int origin, ClientSession session, long now)
    {
        ArgumentNullException.ThrowIfNull(session);
        arena.Put(Client, preset, origin, session.ToHeld(), session.Ticket, now);
    }

    /// <summary>Takes the newest usable session; TLS 1.3 tickets are removed when single use, TLS 1.2 sessions stay.</summary>
    public bool TryTake(int origin, long now, out ClientSession? session) => Lookup(origin, now, out session) == ClientLookup.Hit;

    /// <summary>As <see cref="TryTake"/>, telling a plain miss from "everything had expired".</summary>
    public ClientLookup Lookup(int origin, long now, out ClientSession? session)
    {
        var found = arena.Lookup(Client, preset, origin, now, out var held, ticket);
        session = found == ClientLookup.Hit ? new ClientSession(held, held.HasTicket ? ticket[..held.TicketLength] : null) : null;
        return found;
    }

    /// <summary>Forgets <paramref name="origin"/> (e.g. after the server refused its session).</summary>
    public bool Remove(int origin) => arena.Remove(Client, preset, origin);

    /// <summary>Sessions left for <paramref name="origin"/> (expired ones included until looked up).</summary>
    public int SessionsFor(int origin) => arena.SessionsFor(Client, preset, origin);

    /// <summary>Drops every expired session.</summary>
    public void PurgeExpired(long now) => arena.PurgeExpired(Client, preset, now);

    /// <summary>Empties the cache (browser restart, cache clear).</summary>
    public void Clear() => arena.Clear(Client, preset);
}
