using ResumeSim.Model.Configuration;
using ResumeSim.Model.Validation;
using ResumeSim.Tls;

namespace ResumeSim.Cli.Validation;

/// <summary>The validation scenarios of <c>scenarios/validation/</c>, each with its theory (docs/validation.md).</summary>
internal static class ValidationCases
{
    public static IReadOnlyList<ValidationCase> All { get; } =
    [
        new("ttl-fifo.yaml", "resumption_rate", "lambda*T / (1 + lambda*T)",
            s => CacheTheory.TtlFromCreation(s.Clients.VisitsPerSecond, s.Strategies[0].SessionIds!.Timeout.TotalSeconds),
            r => r.ResumptionRate, Tolerance: 0),
        new("ttl-refreshed.yaml", "resumption_rate", "1 - exp(-lambda*T)",
            s => CacheTheory.TtlRefreshedOnHit(s.Clients.VisitsPerSecond, s.Strategies[0].Tickets!.Lifetime.TotalSeconds),
            r => r.ResumptionRate, Tolerance: 0),
        new("lru-che.yaml", "resumption_rate", "Che's approximation (LRU, IRM)",
            s => CacheTheory.CheLru(VisitRates.Of(s.Clients), Capacity(s)),
            r => r.ResumptionRate, Tolerance: 0.01),
        new("fifo-characteristic-time.yaml", "resumption_rate", "characteristic time (FIFO, IRM)",
            s => CacheTheory.FifoCharacteristicTime(VisitRates.Of(s.Clients), Capacity(s)),
            r => r.ResumptionRate, Tolerance: 0.01),
        new("md1-cpu-queue.yaml", "queue_wait_mean_ms", "Pollaczek-Khinchine rho*D / (2(1-rho))",
            s => 1000 * QueueTheory.MD1Wait(s.Clients.VisitsPerSecond * s.Clients.Count, ServiceSeconds(s)),
            r => r.QueueWait.MeanMs, Tolerance: 0),
        new("mmc-cpu-queue.yaml", "queue_wait_mean_ms", "Erlang C: C(c, a) / (c*mu - lambda)",
            s => 1000 * QueueTheory.MMcWait(s.Clients.VisitsPerSecond * s.Clients.Count, ServiceSeconds(s), s.Farm.Cores),
            r => r.QueueWait.MeanMs, Tolerance: 0),
        new("ticket-depletion.yaml", "resumption_rate", "(1 - exp(-lambda*T)) * held/connections",
            s => CacheTheory.TicketDepletion(
                s.Clients.VisitsPerSecond,
                s.Strategies[0].Tickets!.Lifetime.TotalSeconds,
                s.Clients.Mix[0].SessionsPerKey ?? PresetSessionsPerKey(s.Clients.Mix[0].Preset),
                s.Clients.Mix[0].Connections ?? s.Pages.ConnectionsPerHost),
            r => r.ResumptionRate, Tolerance: 0),
        new("unshared-servers.yaml", "resumption_rate_offered", "1/n",
            s => CacheTheory.UnsharedServers(s.Farm.Servers),
            r => r.ResumptionRateOffered, Tolerance: 0),
    ];

    private static int PresetSessionsPerKey(string preset) =>
        ClientPresets.TryGet(preset, out var p) ? p.SessionsPerKey : throw new ArgumentException($"unknown client preset '{preset}'");

    private static double Capacity(ScenarioConfig s) => s.Strategies[0].SessionIds!.CapacityEntries;

    private static double ServiceSeconds(ScenarioConfig s) =>
        s.Costs.HandshakeMicros(s.Protocol.Version, s.Protocol.Certificate, CostedHandshake.Full) / 1e6;
}
