namespace ResumeSim.Model.Configuration;

/// <summary>
/// A share of the clients running one client preset (<c>chrome</c>, <c>api-client</c>, ...), with
/// optional overrides of the preset's cache and of the scenario's <c>pages</c> defaults. A null
/// override keeps the preset's value (cache) or the <c>pages:</c> value (page behaviour).
/// </summary>
public sealed record ClientMixEntry(string Preset, double Share)
{
    /// <summary>Origin keys the client's session cache holds.</summary>
    public int? CacheEntries { get; init; }

    /// <summary>Sessions (TLS 1.3: tickets) kept per origin key.</summary>
    public int? SessionsPerKey { get; init; }

    /// <summary>Client-side cap on a session's life (TLS 1.2 and 1.3).</summary>
    public TimeSpan? LifetimeCap { get; init; }

    /// <summary>Connection-wait behaviour; null takes <c>pages.connection_wait</c>.</summary>
    public ConnectionWait? Wait { get; init; }

    /// <summary>HTTP/1.1 connections per host; null takes <c>pages.connections</c>.</summary>
    public int? Connections { get; init; }

    /// <summary>HTTP version; null takes <c>pages.http</c>.</summary>
    public HttpVersion? Http { get; init; }

    /// <summary>TLS False Start on full TLS 1.2 handshakes (RFC 7918); null keeps the preset's.</summary>
    public bool? FalseStart { get; init; }

    /// <summary>Send an RFC 9149 ticket_request asking for one ticket per connection it opens to a host.</summary>
    public bool TicketRequest { get; init; }
}
