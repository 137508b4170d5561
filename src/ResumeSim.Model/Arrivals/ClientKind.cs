using ResumeSim.Model.Configuration;
using ResumeSim.Tls;

namespace ResumeSim.Model.Arrivals;

/// <summary>
/// One entry of the client mix, resolved: the core's cache preset with the entry's overrides, and how
/// a visit of such a client opens connections (the entry's page overrides, else the scenario's
/// <c>pages:</c>, capped by the preset's connections per host).
/// </summary>
internal sealed class ClientKind
{
    private ClientKind(ClientPreset preset, ConnectionWait wait, int connectionsPerHost, TicketRequest? ticketRequest)
    {
        Preset = preset;
        Wait = wait;
        ConnectionsPerHost = connectionsPerHost;
        TicketRequest = ticketRequest;
    }

    public ClientPreset Preset { get; }

    public ConnectionWait Wait { get; }

    /// <summary>Connections opened per host and visit (HTTP/2: 1).</summary>
    public int ConnectionsPerHost { get; }

    /// <summary>The RFC 9149 ticket_request this kind sends (TLS 1.3), or null.</summary>
    public TicketRequest? TicketRequest { get; }

    /// <summary>Resolves <paramref name="entry"/> against the named preset and <paramref name="pages"/>.</summary>
    /// <exception cref="ArgumentException">when the preset is unknown or an override is impossible.</exception>
    public static ClientKind Resolve(ClientMixEntry entry, PagesConfig pages)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(pages);
        if (!ClientPresets.TryGet(entry.Preset, out var preset))
        {
            throw new ArgumentException($"unknown client preset '{entry.Preset}'", nameof(entry));
        }

        preset = preset with
        {
            CacheEntries = entry.CacheEntries ?? preset.CacheEntries,
            SessionsPerKey = entry.SessionsPerKey ?? preset.SessionsPerKey,
            LifetimeCapNs = entry.LifetimeCap is { } cap ? SimTimeOf(cap) : preset.LifetimeCapNs,
            Tls12LifetimeCapNs = entry.LifetimeCap is { } cap12 ? SimTimeOf(cap12) : preset.Tls12LifetimeCapNs,
            FalseStart = entry.FalseStart ?? preset.FalseStart,
        };
        preset.Validate();

        var http = entry.Http ?? pages.Http;
        var connections = http == HttpVersion.H2 ? 1 : entry.Connections ?? pages.Connections;
        if (preset.MaxConnectionsPerHost > 0)
        {
            connections = Math.Min(connections, preset.MaxConnectionsPerHost);
        }

        // RFC 9149: one ticket per connection the client will open to the host after a full handshake,
        // and one after a resumption to replace the single-use ticket it just spent.
        TicketRequest? request = entry.TicketRequest
            ? new TicketRequest((byte)Math.Min(connections, byte.MaxValue), 1)
            : null;
        return new ClientKind(preset, entry.Wait ?? pages.Wait, connections, request);
    }

    private static long SimTimeOf(TimeSpan t) => Engine.SimTime.FromTimeSpan(t);
}
