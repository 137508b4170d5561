using ResumeSim.Model.Configuration;
using ResumeSim.Tls;

namespace ResumeSim.Model.Presets;

/// <summary>
/// Server session-cache presets for a scenario's <c>session_ids: {preset: nginx, ...}</c>, read from the
/// one table the core keeps (<see cref="SessionStorePresets"/>): the scenario starts from the preset's
/// eviction, per-entry bytes, timeout and its server's default capacity as that server's configuration
/// writes it (an nginx zone size, an OpenSSL cache size, HAProxy blocks), and overrides what it names. The
/// store itself, with the server's rules (nginx's sweep on insert and slab zone, OpenSSL's flush and cache
/// size), is built from the preset when the world starts (<see cref="StoreOptions"/>).
/// </summary>
public static class SessionIdPresets
{
    public static IReadOnlyList<string> Names => SessionStorePresets.Names;

    public static bool TryGet(string name, out SessionIdConfig config)
    {
        var options = SessionStorePresets.Configured(name, 0, 0);
        if (options is null)
        {
            config = null!;
            return false;
        }

        config = new SessionIdConfig
        {
            Store = options.PerProcess ? StoreScope.PerWorker : StoreScope.PerServer,
            CapacityEntries = name switch
            {
                "openssl" or "nginx-builtin" => SessionStorePresets.OpenSslDefaultCacheSize,
                "haproxy" => SessionStorePresets.HaProxyDefaultCacheSize,
                _ => 0,
            },
            CapacityBytes = name == "nginx" ? SessionStorePresets.NginxDefaultZoneBytes : 0,
            // A scenario's session cache always evicts (fifo or lru); "no store" is a strategy without session_ids.
            Eviction = options.Eviction == StoreEviction.Lru ? StoreEviction.Lru : StoreEviction.Fifo,
            EntryBytes = options.EntryBytes,
            Timeout = TimeSpan.FromTicks(options.TimeoutNs / (Nanoseconds.PerSecond / TimeSpan.TicksPerSecond)),
            Preset = name,
        };
        return true;
    }

    /// <summary>
    /// The smallest capacity in bytes <paramref name="preset"/>'s server accepts: nginx refuses a zone under
    /// 8 pages, 32 KiB (<c>ngx_http_ssl_session_cache</c>, "session cache ... is too small"); 0 for others.
    /// </summary>
    public static long MinCapacityBytes(string preset) => preset == "nginx" ? NginxSlabZone.MinZoneBytes : 0;

    /// <summary>
    /// Whether <paramref name="preset"/>'s server takes its timeout in whole seconds (nginx's
    /// <c>ssl_session_timeout</c> is read by <c>ngx_conf_set_sec_slot</c>; OpenSSL's
    /// <c>SSL_CTX_set_timeout</c> takes seconds), so a scenario must give whole seconds too.
    /// </summary>
    public static bool TimeoutInWholeSeconds(string preset) =>
        SessionStorePresets.Configured(preset, 0, 0) is { Expiry: not ExpiryRule.Exact };

    /// <summary>
    /// The store options for <paramref name="ids"/>: its preset's store (rules included) with the scenario's
    /// capacity, eviction, per-entry bytes and timeout, or a plain store of those values without a preset.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">when an nginx zone is below nginx's minimum (the binder reports it first).</exception>
    public static SessionStoreOptions StoreOptions(SessionIdConfig ids, long timeoutNs)
    {
        ArgumentNullException.ThrowIfNull(ids);
        // Only fifo and lru are scenario values; anything else reads as the real servers' fifo.
        var eviction = ids.Eviction == StoreEviction.Lru ? StoreEviction.Lru : StoreEviction.Fifo;
        var preset = ids.Preset is { } name ? SessionStorePresets.Configured(name, ids.CapacityEntries, ids.CapacityBytes) : null;
        return preset is null
            ? new SessionStoreOptions(eviction, ids.CapacityEntries, ids.CapacityBytes, ids.EntryBytes, timeoutNs) { Name = "custom" }
            : preset with { Eviction = eviction, EntryBytes = ids.EntryBytes, TimeoutNs = timeoutNs };
    }
}
