using ResumeSim.Engine;
using ResumeSim.Model.Balancing;
using ResumeSim.Model.Configuration;
using ResumeSim.Model.Randomness;
using ResumeSim.Model.Steady;
using ResumeSim.Tls;

namespace ResumeSim.Model.World;

/// <summary>
/// <c>start: stationary</c>: clients and stores begin in their stationary state where it is exact
/// (<see cref="StationaryStart"/>), instead of empty.
/// </summary>
internal sealed partial class ResumptionWorld
{
    /// <summary>Whether this strategy starts in its stationary state (requested, and exact for it).</summary>
    public bool StartsStationary { get; private set; }

    /// <summary>
    /// Gives every resuming client the session of its last full handshake, received at minus its drawn age,
    /// and puts each session still alive on the server (age below the timeout) into the store that would hold
    /// it, oldest first, at its creation time: the store then orders, expires and evicts them as it would have.
    /// The ages come from per-client counters (<see cref="CounterRandom"/>), so every strategy of a replication
    /// draws from the same uniforms, and session ids and secrets from a stream of their own.
    /// </summary>
    private void StartStationary(ulong seed, RandomStreams streams)
    {
        var ids = _strategy.SessionIds!;
        var timeout = SimTime.FromTimeSpan(ids.Timeout);
        var random = new EngineRandomBytes(streams.Get("stationary-start"));
        Span<byte> secret = stackalloc byte[SessionState.MasterSecretLength];
        var alive = new List<(long Created, int Client, int Host, SessionId Id)>();
        for (var c = 0; c < _clients.Count; c++)
        {
            var preset = PresetOf(c);
            if (!preset.Resumes)
            {
                continue;
            }

            var window = Math.Min(timeout, preset.Tls12LifetimeCapNs);
            var age = StationaryStart.DrawAgeSeconds(
                SimTime.ToSeconds(window),
                _clients.VisitRate(c),
                CounterRandom.UnitOpen(seed, RandomStreamIds.StationaryStart, (ulong)c, 0),
                CounterRandom.UnitOpen(seed, RandomStreamIds.StationaryStart, (ulong)c, 1));
            var created = -SimTime.FromSeconds(age);
            for (var h = 0; h < _hosts; h++)
            {
                var id = SessionId.NewRandom(random);
                _caches.Put(c, preset, h, new HeldSession(TlsVersion.Tls12, id, 0, created, long.MaxValue), [], created);
                if (StickyServer(c) is var sticky and >= 0)
                {
                    _issuers.Record(c, h, sticky, 0);
                }

                if (created > -timeout)
                {
                    alive.Add((created, c, h, id));
                }
            }
        }

        // Oldest first, as they were made; ties (equal ages) in client and host order.
        alive.Sort((a, b) => a.Created != b.Created ? a.Created.CompareTo(b.Created) : a.Client != b.Client ? a.Client.CompareTo(b.Client) : a.Host.CompareTo(b.Host));
        foreach (var (created, client, _, id) in alive)
        {
            random.Fill(secret);
            var server = Math.Max(0, StickyServer(client));
            // A stationary start is refused for per-worker stores, so one state serves the server.
            var tls = _servers[server].Resumption.For(0);
            var session = tls.PastSession12(secret, created);
            var store = _setup.SharedTier is { } tier ? tier.Nodes[tier.NodeOf(id)] : tls.Store;
            store.Put(id, session, created);
        }
    }

    /// <summary>
    /// The tickets version of <see cref="StartStationary"/>, first half: when each resuming client's last full
    /// handshake was (minus its drawn age), oldest first. A client's ticket lives until the shorter of its own
    /// cap and the ticket's lifetime from then (a renewed ticket keeps that expiry). One older than the
    /// lifetime, keep and rotation together could open nowhere, and its client starts with nothing.
    /// </summary>
    private List<(long Created, int Client)> DrawStationaryTickets()
    {
        var tickets = _strategy.Tickets!;
        var lifetime = SimTime.FromTimeSpan(tickets.Lifetime);
        var oldest = -(lifetime + SimTime.FromTimeSpan(tickets.Keep) + SimTime.FromTimeSpan(tickets.Rotate));
        var held = new List<(long Created, int Client)>();
        for (var c = 0; c < _clients.Count; c++)
        {
            var preset = PresetOf(c);
            if (!preset.Resumes)
            {
                continue;
            }

            var age = StationaryStart.DrawAgeSeconds(
                SimTime.ToSeconds(Math.Min(lifetime, preset.Tls12LifetimeCapNs)),
                _clients.VisitRate(c),
                CounterRandom.UnitOpen(_seed, RandomStreamIds.StationaryStart, (ulong)c, 0),
                CounterRandom.UnitOpen(_seed, RandomStreamIds.StationaryStart, (ulong)c, 1));
            var created = -SimTime.FromSeconds(age);
            if (created > oldest)
            {
                held.Add((created, c));
            }
        }

        held.Sort((a, b) => a.Created != b.Created ? a.Created.CompareTo(b.Created) : a.Client.CompareTo(b.Client));
        return held;
    }

    /// <summary>
    /// Second half: each client gets its ticket, sealed at its time by the ring of the server it reaches. The
    /// rings began at the oldest of these times and seal them in order, so each rotates and erases keys
    /// through that history as it would have.
    /// </summary>
    private void StartStationaryTickets(RandomStreams streams, List<(long Created, int Client)> held)
    {
        var lifetime = SimTime.FromTimeSpan(_strategy.Tickets!.Lifetime);
        var random = new EngineRandomBytes(streams.Get("stationary-start"));
        Span<byte> secret = stackalloc byte[SessionState.MasterSecretLength];
        foreach (var (created, client) in held)
        {
            var server = Math.Max(0, StickyServer(client));
            var tls = _servers[server].Resumption.For(0);
            var preset = PresetOf(client);
            for (var h = 0; h < _hosts; h++)
            {
                random.Fill(secret);
                var ticket = tls.Tickets!.Seal(tls.PastSession12(secret, created), created);
                _caches.Put(client, preset, h, new HeldSession(TlsVersion.Tls12, SessionId.Empty, ticket.Length, created, lifetime), ticket, created);
                _issuers.Record(client, h, server, 0);
            }
        }
    }

    /// <summary>The server a client's connections always reach (one server, or a client-hash balancer); -1 when none does.</summary>
    private int StickyServer(int client) =>
        _scenario.Farm.Servers == 1 ? 0
        : _scenario.Farm.Balancer is BalancerKind.SourceHash or BalancerKind.ConsistentHash ? _balancer.Choose(new BalancerRequest(client, 0, SessionId.Empty, 0))
        : -1;
}
