using ResumeSim.Engine;
using ResumeSim.Model.Randomness;
using ResumeSim.Tls;

namespace ResumeSim.Model.Servers;

/// <summary>
/// Farm-shared ticket keys. Without a propagation delay every server uses one ring (the instant,
/// perfect distribution the simple model assumes). With one, a key host makes key e at e * rotate
/// and pushes it to the servers one after another, as a rolling deploy of nginx's
/// <c>ssl_session_ticket_key</c> files does: server i gets it <c>propagation * i / (n - 1)</c> later
/// (servers added by scale-out last). Each server seals with the newest key it holds, so until the
/// last server has a key, tickets sealed with it by servers that have it are refused by those that
/// do not (<c>unknown_key</c>); tickets sealed with the old key open everywhere, since every server
/// keeps old keys for <c>keep</c>. That is the cost of pushing a key that seals at once; pushing it
/// decrypt-only first and promoting it a delay later avoids it (docs/farm.md).
/// </summary>
internal sealed class KeyDistribution
{
    private readonly TicketRotatorOptions _serverOptions;
    private readonly EngineRandomBytes _keyHost;
    private readonly long _rotateTicks;
    private readonly long _propagationTicks;
    private readonly int _initialServers;
    private readonly List<TicketKey> _keys = [];
    private readonly int[] _nextKey;

    /// <param name="options">The policy of the farm's keys (rotate, keep, lifetime).</param>
    /// <param name="keyHost">The key host's random stream.</param>
    /// <param name="propagationTicks">Delay until the last server holds a new key; 0 = one shared ring.</param>
    /// <param name="initialServers">Servers at the start (the push order's length).</param>
    /// <param name="maxServers">Servers the farm may ever hold.</param>
    /// <param name="sharedFrom">When the one shared ring makes its first key (ns; 0, or earlier for a stationary start).</param>
    public KeyDistribution(TicketRotatorOptions options, RandomStream keyHost, long propagationTicks, int initialServers, int maxServers, long sharedFrom = 0)
    {
        _keyHost = new EngineRandomBytes(keyHost);
        _rotateTicks = options.RotateEveryNs;
        _propagationTicks = propagationTicks;
        _initialServers = initialServers;
        _nextKey = new int[maxServers];

        // Servers never rotate by themselves: a new key arrives only from the key host.
        _serverOptions = options with { RotateEveryNs = 0 };
        if (propagationTicks == 0)
        {
            Shared = new TicketRotator(options, _keyHost, sharedFrom);
        }
    }

    /// <summary>The one ring every server uses, when keys arrive everywhere at once; else null.</summary>
    public TicketRotator? Shared { get; }

    public bool Distributed => Shared is null;

    /// <summary>
    /// A ring for server <paramref name="server"/> as it starts at <paramref name="now"/>: the shared
    /// one, or a new ring holding every farm key the server would hold by now (a booting server reads
    /// the current key files).
    /// </summary>
    public TicketRotator RingFor(int server, long now, IRandomBytes ringRandom)
    {
        if (Shared is not null)
        {
            return Shared;
        }

        var ring = new TicketRotator(_serverOptions, ringRandom, now, generateFirstKey: false);

        // Skip keys the server would already have erased: those whose successor reached it more than keep ago.
        var first = 0;
        while (DeliveryTime(first + 1, server) <= now && DeliveryTime(first + 1, server) + _serverOptions.KeepNs <= now)
        {
            first++;
        }

        _nextKey[server] = first;
        Deliver(server, ring, now);
        return ring;
    }

    /// <summary>Installs on <paramref name="ring"/> every key that has reached server <paramref name="server"/> by <paramref name="now"/>.</summary>
    public void Deliver(int server, TicketRotator ring, long now)
    {
        while (DeliveryTime(_nextKey[server], server) <= now)
        {
            var e = _nextKey[server]++;
            ring.InstallKey(Key(e), Math.Max(DeliveryTime(e, server), 0));
        }
    }

    /// <summary>When key <paramref name="e"/> reaches server <paramref name="server"/>; the first key is everywhere from the start.</summary>
    public long DeliveryTime(int e, int server)
    {
        if (e == 0)
        {
            return 0;
        }

        if (_rotateTicks == 0)
        {
            return long.MaxValue;
        }

        var order = Math.Min(server, _initialServers - 1);
        var delay = _initialServers <= 1 ? _propagationTicks : _propagationTicks * order / (_initialServers - 1);
        return (e * _rotateTicks) + (server >= _initialServers ? _propagationTicks : delay);
    }

    private TicketKey Key(int e)
    {
        while (_keys.Count <= e)
        {
            _keys.Add(TicketKey.Generate(_serverOptions.Cipher, _keyHost, _keys.Count * _rotateTicks));
        }

        return _keys[e];
    }
}
