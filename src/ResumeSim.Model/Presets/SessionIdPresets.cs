using ResumeSim.Model.Configuration;

namespace ResumeSim.Model.Presets;

/// <summary>
/// Server session-cache settings named after real servers. A scenario's
/// <c>session_ids: {preset: nginx, ...}</c> starts from these values and overrides what it names.
/// Each value cites its row in reference/parameters.md section 1.
/// </summary>
public static class SessionIdPresets
{
    public static IReadOnlyList<string> Names { get; } = ["nginx", "openssl", "haproxy"];

    public static bool TryGet(string name, out SessionIdConfig config)
    {
        config = name switch
        {
            // nginx `ssl_session_cache shared:...`: FIFO by creation, no refresh on a hit; each
            // session takes a 128 B + 256 B slab pair (~384 B); `ssl_session_timeout` 300 s. The zone
            // size has no default: 10 MB is the usual `shared:SSL:10m` of published configs (U).
            "nginx" => new SessionIdConfig
            {
                Eviction = StoreEviction.Fifo,
                CapacityBytes = 10L * 1024 * 1024,
                EntryBytes = 384,
                Timeout = TimeSpan.FromSeconds(300),
                Preset = "nginx",
            },

            // OpenSSL's internal cache: 20480 sessions (SSL_CTX_new), 7200 s (t1_lib.c; the man
            // page's 300 s is stale), effectively FIFO. Per-entry bytes: the serialized session is
            // 128 B; the in-memory SSL_SESSION is larger and not measured, so 128 B is a floor (U).
            "openssl" => new SessionIdConfig
            {
                Eviction = StoreEviction.Fifo,
                CapacityEntries = 20480,
                EntryBytes = 128,
                Timeout = TimeSpan.FromSeconds(7200),
                Preset = "openssl",
            },

            // HAProxy `tune.ssl.cachesize` 20000 blocks of ~200 B shared by all threads, effectively
            // FIFO; `tune.ssl.lifetime` is never applied, so OpenSSL's 7200 s holds.
            "haproxy" => new SessionIdConfig
            {
                Eviction = StoreEviction.Fifo,
                CapacityEntries = 20000,
                EntryBytes = 200,
                Timeout = TimeSpan.FromSeconds(7200),
                Preset = "haproxy",
            },
            _ => null!,
        };
        return config is not null;
    }
}
