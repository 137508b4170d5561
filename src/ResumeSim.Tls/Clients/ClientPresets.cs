namespace ResumeSim.Tls;

/// <summary>Client cache presets named after real clients, each citing parameters.md section 2.</summary>
public static class ClientPresets
{
    /// <summary>
    /// Chrome: 1024 entries, LRU, &lt;= 2 sessions per key ("Chrome client session cache", P); TLS 1.3
    /// tickets single use ("Chrome TLS 1.3 tickets", P); TLS 1.3 sessions live at most 48 h (BoringSSL
    /// <c>SSL_DEFAULT_SESSION_PSK_DHE_TIMEOUT</c>), TLS 1.2 sessions 1 h from the full handshake, renewed or not
    /// (Chromium ssl_client_socket_impl.cc sets <c>SSL_CTX_set_timeout</c> to one hour; BoringSSL
    /// <c>ssl_session_rebase_time</c> keeps a renewed session's expiry); 6 connections per host ("Chrome
    /// connection limits", P); False Start on full TLS 1.2 handshakes (BoringSSL <c>can_false_start</c>:
    /// ECDHE, AEAD, ALPN).
    /// </summary>
    public static ClientPreset Chrome { get; } = new("chrome", 1024, 2, 48 * Nanoseconds.PerHour, SingleUseTls13Tickets: true, Resumes: true, Verified: true)
    {
        Tls12LifetimeCapNs = Nanoseconds.PerHour,
        MaxConnectionsPerHost = 6,
        FalseStart = true,
        Source = "parameters.md 2: Chrome client session cache, Chrome TLS 1.3 tickets, Chrome connection limits (P); Chromium ssl_client_socket_impl.cc (1 h TLS 1.2 timeout, False Start), BoringSSL ssl_session.cc, handshake_client.cc (P)",
    };

    /// <summary>
    /// Firefox (NSS): client session timeout 86400 s ("Firefox (NSS)", P); False Start on TLS 1.2 with ECDHE and
    /// an AEAD suite (PSM <c>CanFalseStartCallback</c>, pref <c>security.ssl.enable_false_start</c> on). Entry
    /// count, sessions per key, single use and the 6 connections per host (as Chrome) are not in the
    /// reference: unverified.
    /// </summary>
    public static ClientPreset Firefox { get; } = new("firefox", 1024, 1, 86400 * Nanoseconds.PerSecond, SingleUseTls13Tickets: true, Resumes: true, Verified: false)
    {
        MaxConnectionsPerHost = 6,
        FalseStart = true,
        Source = "parameters.md 2: Firefox (NSS) timeout 86400 s (P); PSM CanFalseStartCallback (P); entries, per-key count, single use, 6 per host: unverified (U)",
    };

    /// <summary>Safari: no value verified; these are assumptions in the spirit of other browsers.</summary>
    public static ClientPreset Safari { get; } = new("safari", 1024, 2, 7 * Nanoseconds.PerDay, SingleUseTls13Tickets: true, Resumes: true, Verified: false)
    {
        Tls12LifetimeCapNs = Nanoseconds.PerDay,
        MaxConnectionsPerHost = 6,
        Source = "unverified (U): no primary source in parameters.md",
    };

    /// <summary>
    /// A Go program with crypto/tls's defaults: <c>Config.ClientSessionCache</c> is nil, so it never resumes
    /// (handshake_client.go <c>loadSession</c> returns nothing without a cache).
    /// </summary>
    public static ClientPreset Go { get; } = new("go", 0, 0, 0, SingleUseTls13Tickets: false, Resumes: false, Verified: true)
    {
        Source = "Go crypto/tls handshake_client.go loadSession: no ClientSessionCache, no resumption (P)",
    };

    /// <summary>
    /// A Go program with <c>ClientSessionCache: tls.NewLRUClientSessionCache(0)</c>: 64 entries, true LRU, one
    /// session per key, each new ticket replacing the last ("Go client cache", P); TLS 1.2 resumes with tickets
    /// only, never session IDs, and checks no lifetime; TLS 1.3 tickets are reused, not single-use, until their
    /// lifetime (at most 7 days) ends (handshake_client.go <c>loadSession</c>, handshake_client_tls13.go
    /// <c>handleNewSessionTicket</c>).
    /// </summary>
    public static ClientPreset GoWithCache { get; } = new("go-cache", 64, 1, 7 * Nanoseconds.PerDay, SingleUseTls13Tickets: false, Resumes: true, Verified: true)
    {
        Tls12LifetimeCapNs = long.MaxValue,
        OffersSessionIds = false,
        Source = "parameters.md 2: Go client cache 64 LRU (P); Go crypto/tls handshake_client.go loadSession, handshake_client_tls13.go handleNewSessionTicket (P)",
    };

    /// <summary>
    /// OpenSSL's command-line client kept to one session file (<c>s_client -sess_in/-sess_out</c>, as the
    /// real-nginx harness drives it): one session, the last one saved; a TLS 1.2 session is offered whatever
    /// its age (<c>tls_construct_client_hello</c> checks only that it is resumable), a TLS 1.3 ticket until its
    /// lifetime ends (<c>tls_construct_ctos_psk</c>), and reused.
    /// </summary>
    public static ClientPreset OpenSsl { get; } = new("openssl", 1, 1, 7 * Nanoseconds.PerDay, SingleUseTls13Tickets: false, Resumes: true, Verified: true)
    {
        Tls12LifetimeCapNs = long.MaxValue,
        Source = "OpenSSL 3.0 ssl/statem/statem_clnt.c tls_construct_client_hello, extensions_clnt.c tls_construct_ctos_psk; apps/s_client.c -sess_in/-sess_out (P)",
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
    public static IReadOnlyList<ClientPreset> All { get; } = [Chrome, Firefox, Safari, Go, GoWithCache, OpenSsl, Curl, ApiClient];

    /// <summary>Preset names, as scenarios write them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["chrome", "firefox", "safari", "go", "go-cache", "openssl", "curl", "api-client"];

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
