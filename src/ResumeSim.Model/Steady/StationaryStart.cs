using ResumeSim.Model.Configuration;
using ResumeSim.Tls;

namespace ResumeSim.Model.Steady;

/// <summary>
/// <c>start: stationary</c> (docs/steady-state.md): where the stationary state of a client and its server is
/// known exactly, draw it instead of warming up into it.
/// <para>With session ids, a visit resumes while the session of the client's last full handshake is
/// younger than m = min(server timeout T, client lifetime cap C); the first visit after that is full
/// again and starts a new session. With Poisson visits at rate lambda the next visit after any moment
/// is Exp(lambda) away (memorylessness), so full handshakes form a renewal process with cycles
/// X = m + Exp(lambda), and in steady state the age A of the last one is the backward recurrence time of
/// that process in equilibrium, density P(X > a) / E[X] (D. R. Cox, Renewal Theory, 1962): uniform on
/// [0, m) with probability m / (m + 1/lambda), else m + Exp(lambda). The next visit after time 0 is again
/// Exp(lambda) away whatever A is, which is what the world draws anyway. So each client holds a session
/// received at -A, the server still holds it when A &lt; T, and every later visit resumes or not exactly
/// as in a world that had run forever (up to the handshake's own few round trips: a session is dated
/// at its visit's start).</para>
/// <para>That holds only where a visit's outcome depends on its own client alone; elsewhere the strategy
/// starts empty and <see cref="Unsupported"/> says why. The store's entries beyond the live sessions
/// (sessions of a visit's other parallel connections, expired entries not yet swept) are not drawn: they
/// change its occupancy, not what it answers, and the warm-up covers them (MSER-5 watches store entries).</para>
/// </summary>
public static class StationaryStart
{
    /// <summary>Why <paramref name="strategy"/> cannot start in its exact stationary state; null when it can.</summary>
    public static string? Unsupported(ScenarioConfig scenario, StrategyConfig strategy)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(strategy);
        var clients = scenario.Clients;
        if (strategy.SessionIds is null && strategy.Tickets is null)
        {
            return null; // nothing is held: the empty start is the stationary one
        }

        if (scenario.Protocol.Version != ProtocolVersion.Tls12)
        {
            return "TLS 1.3: which single-use tickets a client still holds depends on its whole history";
        }

        if (strategy.Tickets is { } tickets)
        {
            if (TicketsUnsupported(scenario, strategy, tickets) is { } why)
            {
                return why;
            }
        }
        else if (strategy.SessionIds!.Eviction == StoreEviction.Lru)
        {
            return "an LRU store's order depends on every hit before time 0";
        }

        if (strategy.SessionIds is { Store: StoreScope.PerServer } && scenario.Farm.Servers > 1
            && scenario.Farm.Balancer is not (BalancerKind.SourceHash or BalancerKind.ConsistentHash))
        {
            return $"per-server stores behind {BalancerName(scenario.Farm.Balancer)}: whether a revisit reaches the server that holds its session depends on the other clients";
        }

        if (strategy.SessionIds is { Store: StoreScope.PerWorker } && scenario.Farm.Workers > 1)
        {
            return "per-worker stores: which worker a revisit reaches depends on the other clients' connections";
        }

        if (clients.Trace is not null)
        {
            return "a trace is replayed as recorded";
        }

        if (clients.Process.Kind != VisitProcessKind.Poisson)
        {
            return "the age of the last full handshake has a closed form for Poisson visits only";
        }

        if (clients.Process.Diurnal is not null)
        {
            return "a diurnal curve makes the visit rate depend on the time of day";
        }

        return clients.Churn > 0 || clients.Mobile is { Share: > 0, ChangesPerSecond: > 0 }
            ? "sessions lost between visits (churn, network changes) are not part of the draw"
            : null;
    }

    /// <summary>
    /// The age of a client's last full handshake at time 0, in seconds, from two uniforms in (0, 1]: the
    /// equilibrium distribution of m + Exp(lambda) (the class remarks).
    /// </summary>
    /// <param name="m">Seconds a session resumes for: min(server timeout, client lifetime cap).</param>
    /// <param name="lambda">The client's visits per second.</param>
    public static double DrawAgeSeconds(double m, double lambda, double u1, double u2)
    {
        var cycle = m + (1 / lambda);
        var inWindow = m / cycle;
        return u1 <= inWindow ? u1 / inWindow * m : m - (Math.Log(u2) / lambda);
    }

    /// <summary>
    /// TLS 1.2 tickets: a Chrome-like client resumes until the shorter of its own cap and the ticket's
    /// lifetime, counted from the full handshake (a renewed ticket keeps that expiry), so full handshakes form
    /// the same renewal process as with session ids. That is exact when every ticket a client holds still
    /// opens on every server it reaches: one farm ring without a push delay, or a server's own ring behind a
    /// balancer that sends a client to the same server; and a key kept at least a ticket's lifetime after it
    /// stops sealing (so the key a live ticket was sealed with is always held).
    /// </summary>
    private static string? TicketsUnsupported(ScenarioConfig scenario, StrategyConfig strategy, TicketConfig tickets)
    {
        if (strategy.SessionIds is not null)
        {
            return "session ids and tickets together: which one a client resumes with depends on its history";
        }

        if (tickets.Keys == KeyScope.Shared && tickets.Propagation > TimeSpan.Zero)
        {
            return "farm keys pushed with a delay: which servers held which key before time 0 is not drawn";
        }

        if (tickets.Keys == KeyScope.PerServer && scenario.Farm.Servers > 1
            && scenario.Farm.Balancer is not (BalancerKind.SourceHash or BalancerKind.ConsistentHash))
        {
            return $"per-server keys behind {BalancerName(scenario.Farm.Balancer)}: whether a revisit reaches the server whose key sealed its ticket depends on the other clients";
        }

        if (tickets.Rotate > TimeSpan.Zero && (tickets.Keep < tickets.Lifetime || (tickets.Keep / tickets.Rotate) + 1 > tickets.MaxKeys))
        {
            return "keys erased before a ticket's lifetime ends: whether a held ticket still opens depends on when its key was made";
        }

        return null;
    }

    private static string BalancerName(BalancerKind kind) => kind switch
    {
        BalancerKind.RoundRobin => "round-robin",
        BalancerKind.Random => "random",
        BalancerKind.LeastConnections => "least-connections",
        BalancerKind.SessionSticky => "session-sticky",
        _ => kind.ToString(),
    };
}
