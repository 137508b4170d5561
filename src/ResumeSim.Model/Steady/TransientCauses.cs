using ResumeSim.Model.Arrivals;
using ResumeSim.Model.Configuration;
using ResumeSim.Model.World;

namespace ResumeSim.Model.Steady;

/// <summary>
/// The slow parts of a scenario that can leave a measured window trending: each time scale of the model
/// longer than the warm-up, said in a planner's words, for the warning of <see cref="StationarityCheck"/>.
/// </summary>
public static class TransientCauses
{
    /// <summary>
    /// The likely causes of a transient in <paramref name="metric"/> of <paramref name="strategy"/> that outlasts
    /// <paramref name="warmup"/> (the warm-up of a drifting run, or the half pilot MSER-5 could certify), most specific first.
    /// </summary>
    public static IReadOnlyList<string> For(ScenarioConfig scenario, StrategyConfig strategy, SteadyMetric metric, TimeSpan warmup)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(strategy);
        var causes = new List<string>();
        var serverMemory = ServerMemory(strategy);
        if (metric != SteadyMetric.StoreEntries && ClientLifetime(scenario) is { } client && serverMemory is { } server
            && client.Lifetime > server && client.Lifetime > warmup)
        {
            causes.Add($"client session lifetime: {client.Name} keeps a session {Show(client.Lifetime)}, the server accepts it for {Show(server)}, "
                + "so clients offer sessions the server has forgotten (on every parallel connection of a visit) and their share grows for about the client lifetime");
        }

        if (metric != SteadyMetric.StoreEntries && SynchronizedExpiry(scenario, strategy) is { } wave)
        {
            causes.Add(wave);
        }

        if (scenario.Clients.Trace is null && scenario.Clients.VisitsPerSecond > 0)
        {
            var gap = TimeSpan.FromSeconds(1 / scenario.Clients.VisitsPerSecond);
            if (3 * gap > warmup)
            {
                var zipf = scenario.Clients.Popularity.Kind == PopularityKind.Zipf ? " (far longer for the least popular with Zipf)" : "";
                causes.Add($"revisit gap: clients come back every {Show(gap)} on average{zipf}, so the share that has visited and holds a session still changes after {Show(warmup)}");
            }
        }

        if (strategy.SessionIds is { } ids && metric == SteadyMetric.StoreEntries)
        {
            var capacity = ids.CapacityEntries > 0 ? $"{ids.CapacityEntries:N0} entries" : $"{ids.CapacityBytes / (double)(1 << 20):0.#} MiB";
            var scope = ids.Store == StoreScope.Shared ? (ids.Nodes > 1 ? " per node" : "") : " per server";
            causes.Add($"cache filling: the store holds {capacity}{scope} and keeps a session {Show(ids.Timeout)}, or until it is swept or needs the room, "
                + "so it fills until it is full or its live and unswept entries balance, which can take far longer than the timeout");
        }
        else if (strategy.SessionIds is { } timed && timed.Timeout > warmup / 2)
        {
            causes.Add($"server timeout: sessions live {Show(timed.Timeout)} in the store");
        }

        if (strategy.Tickets is { } tickets && tickets.Rotate > TimeSpan.Zero && tickets.Rotate + tickets.Keep > warmup && metric != SteadyMetric.StoreEntries)
        {
            causes.Add($"ticket keys: a key seals for {Show(tickets.Rotate)} and opens for {Show(tickets.Keep)} more, so renewals and rejections settle after about {Show(tickets.Rotate + tickets.Keep)}");
        }

        return causes;
    }

    /// <summary>
    /// From empty caches every client makes its first session within its first revisit gap, so when a session
    /// lives many gaps they all expire together, and each cycle after that (the life plus one gap) spreads
    /// them by only about one gap: the wave of full handshakes fades over many cycles, days when the life is
    /// an hour and the gap minutes. Named when the mean gap is under a third of the session's life.
    /// </summary>
    private static string? SynchronizedExpiry(ScenarioConfig scenario, StrategyConfig strategy)
    {
        if (scenario.Clients.Trace is not null || scenario.Clients.VisitsPerSecond <= 0 || ServerMemory(strategy) is not { } server)
        {
            return null;
        }

        var life = ClientLifetime(scenario) is { } client && client.Lifetime < server ? client.Lifetime : server;
        var gap = TimeSpan.FromSeconds(1 / scenario.Clients.VisitsPerSecond);
        return 3 * gap < life
            ? $"synchronized expiry: from empty caches every client's first session is made within minutes and lives {Show(life)}, against a revisit every {Show(gap)}, "
                + "so sessions expire together and the wave of full handshakes repeats every cycle, fading only over many (start: stationary draws the steady phases where it is exact)"
            : null;
    }

    /// <summary>
    /// How long the server accepts what it issued: the session-id timeout, or a ticket's lifetime bounded by
    /// how long its key is kept; the longer of the two for a strategy with both; null without resumption.
    /// </summary>
    private static TimeSpan? ServerMemory(StrategyConfig strategy)
    {
        TimeSpan? memory = strategy.SessionIds?.Timeout;
        if (strategy.Tickets is { } tickets)
        {
            var keyLife = tickets.Rotate == TimeSpan.Zero ? tickets.Lifetime : tickets.Rotate + tickets.Keep;
            var ticketMemory = tickets.Lifetime < keyLife ? tickets.Lifetime : keyLife;
            memory = memory is { } ids && ids > ticketMemory ? ids : ticketMemory;
        }

        return memory;
    }

    /// <summary>The longest client-side session lifetime among the resuming client kinds, for the scenario's TLS version.</summary>
    private static (string Name, TimeSpan Lifetime)? ClientLifetime(ScenarioConfig scenario)
    {
        (string, TimeSpan)? longest = null;
        foreach (var entry in scenario.Clients.Mix)
        {
            var preset = ClientKind.Resolve(entry, scenario.Pages).Preset;
            if (!preset.Resumes)
            {
                continue;
            }

            var ns = scenario.Protocol.Version == ProtocolVersion.Tls13 ? preset.LifetimeCapNs : preset.Tls12LifetimeCapNs;
            var lifetime = TimeSpan.FromTicks(ns / 100);
            if (longest is not { } l || lifetime > l.Item2)
            {
                longest = (preset.Name, lifetime);
            }
        }

        return longest;
    }

    /// <summary>A duration as people say it: 2h, 1h 5m, 52m 30s, 45s, 1.5s.</summary>
    public static string Show(TimeSpan span)
    {
        if (span < TimeSpan.FromMinutes(1))
        {
            return $"{Math.Round(span.TotalSeconds, 1).ToString(System.Globalization.CultureInfo.InvariantCulture)}s";
        }

        var parts = new List<string>();
        if (span.Days > 0)
        {
            parts.Add($"{span.Days}d");
        }

        if (span.Hours > 0)
        {
            parts.Add($"{span.Hours}h");
        }

        if (span.Minutes > 0)
        {
            parts.Add($"{span.Minutes}m");
        }

        if (span.Seconds > 0 && span < TimeSpan.FromHours(1))
        {
            parts.Add($"{span.Seconds}s");
        }

        return string.Join(' ', parts);
    }
}
