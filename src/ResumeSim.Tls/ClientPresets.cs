namespace ResumeSim.Tls;

/// <summary>Client cache presets named after real clients, each citing parameters.md section 2.</summary>
public static class ClientPresets
{
    /// <summary>
    /// Chrome: 1024 entries, LRU, &lt;= 2 sessions per key ("Chrome client session cache", P); TLS 1.3
    /// tickets single use ("Chrome TLS 1.3 tickets", P); BoringSSL client lifetimes TLS 1.3 48 h,
    /// TLS 1.2 2 h ("BoringSSL client lifetimes", P); 6 connections per host ("Chrome connection limits", P);
    /// False Start on full TLS 1.2 handshakes ("TLS False Start", section 6, P).
    /// </summary>
    public static ClientPreset Chrome { get; } = new("chrome", 1024, 2, 48 * Nanoseconds.PerHour, SingleUseTls13Tickets: true, Resumes: true, Verified: true)
    {
        Tls12LifetimeCapNs = 2 * Nanoseconds.PerHour,
        MaxConnectionsPerHost = 6,
        FalseStart = true,
        Source = "parameters.md 2: Chrome client session cache, Chrome TLS 1.3 tickets, BoringSSL client lifetimes, Chrome connection limits (P); section 6: TLS False Start (P)",
    };

    /// <summary>
    /// Firefox (NSS): client session timeout 86400 s ("Firefox (NSS)", P); False Start ("TLS False Start",
    /// section 6, P). Entry count, sessions per key
    /// single use and the 6 connections per host (as Chrome) are not in the reference: unverified.
    /// </summary>
    public static ClientPreset Firefox { get; } = new("firefox", 1024, 1, 86400 * Nanoseconds.PerSecond, SingleUseTls13Tickets: true, Resumes: true, Verified: false)
    {
        MaxConnectionsPerHost = 6,
        FalseStart = true,
        Source = "parameters.md 2: Firefox (NSS) timeout 86400 s (P); section 6: TLS False Start (P); entries, per-key count, single use, 6 per host: unverified (U)",
    };

    /// <summary>Safari: no value verified; these are assumptions in the spirit of other browsers.</summary>
    public static ClientPreset Safari { get; } = new("safari", 1024, 2, 7 * Nanoseconds.PerDay, SingleUseTls13Tickets: true, Resumes: true, Verified: false)
    {
        Tls12LifetimeCapNs = Nanoseconds.PerDay,
        MaxConnectionsPerHost = 6,
        Source = "unverified (U): no primary source in parameters.md",
    };

    /// <summary>
    /// Go: <c>NewLRUClientSessionCache(0)</c> = 64 entries, true LRU, one session per key ("Go client cache", P);
    /// tickets reused, 7-day lifetime (RFC 8446 4.6.1).
    /// </summary>
    public static ClientPreset Go { get; } = new("go", 64, 1, 7 * Nanoseconds.PerDay, SingleUseTls13Tickets: false, Resumes: true, Verified: true)
    {
        Source = "parameters.md 2/1: Go client cache 64 LRU (P); RFC 8446 4.6.1 7 days",
    };

    /// <summary>curl: 5 sessions per handle in older releases ("curl", S); OpenSSL's 7200 s session timeout.</summary>
    public static ClientPreset Curl { get; } = new("curl", 5, 1, 7200 * Nanoseconds.PerSecond, SingleUseTls13Tickets: false, Resumes: true, Verified: false)
    {
        Source = "parameters.md 2: curl 5 sessions (S); OpenSSL default timeout 7200 s (P)",
    };

    /// <summary>An API client that opens a fresh connection and never resumes.</summary>
    public static ClientPreset ApiClient { get; } = new("api-client", 0, 0, 0, SingleUseTls13Tickets: false, Resumes: false, Verified: true)
    {
        Source = "by definition: no resumption",
    };

    /// <summary>All presets.</summary>
    public static IReadOnlyList<ClientPreset> All { get; } = [Chrome, Firefox, Safari, Go, Curl, ApiClient];

    /// <summary>Preset names, as scenarios write them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["chrome", "firefox", "safari", "go", "curl", "api-client"];

    /// <summary>Finds a preset by name (case-insensitive).</summary>
    public static bool TryGet(string name, out ClientPreset preset)
    {
        foreach (var p in All)
        {
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                preset = p;
                return true;
            }
        }

        preset = null!;
        return false;
    }
}
