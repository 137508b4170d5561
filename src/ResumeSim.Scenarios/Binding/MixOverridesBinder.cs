using ResumeSim.Model.Configuration;
using ResumeSim.Scenarios.Parsing;

namespace ResumeSim.Scenarios.Binding;

/// <summary>
/// The optional keys of a <c>clients.mix</c> entry that override its preset's cache or the scenario's
/// <c>pages:</c> defaults for that kind of client (docs/browsers.md).
/// </summary>
internal static class MixOverridesBinder
{
    public static readonly IReadOnlyList<string> Keys =
        ["cache_entries", "sessions_per_key", "lifetime_cap", "connection_wait", "connections", "http", "ticket_request", "false_start"];

    // Browsers open at most 6 HTTP/1.1 connections per host (parameters.md section 2, Chrome connection limits).
    private const int MaxConnectionsPerHost = 6;

    public static ClientMixEntry Apply(Section item, string path, ClientMixEntry entry)
    {
        var http = item.Has("http") ? item.Choice("http", HttpVersion.H1, Choices.Http) : (HttpVersion?)null;
        return entry with
        {
            CacheEntries = item.Has("cache_entries") ? (int)item.Int("cache_entries", 1024, 1, 1 << 20) : null,
            SessionsPerKey = item.Has("sessions_per_key") ? (int)item.Int("sessions_per_key", 1, 1, 64) : null,
            LifetimeCap = item.Has("lifetime_cap") ? item.Duration("lifetime_cap", TimeSpan.FromHours(2), TimeSpan.FromSeconds(1), TimeSpan.FromDays(365)) : null,
            Wait = item.Has("connection_wait") ? item.Choice("connection_wait", ConnectionWait.Parallel, Choices.Wait) : null,
            Connections = item.Has("connections")
                ? (int)item.Int("connections", 1, 1, http == HttpVersion.H2 ? 1000 : MaxConnectionsPerHost)
                : null,
            Http = http,
            TicketRequest = item.Bool("ticket_request", false),
            FalseStart = item.Has("false_start") ? item.Bool("false_start", false) : null,
        };
    }
}
