using ResumeSim.Tls;

namespace ResumeSim.Model.Configuration;

/// <summary>
/// Server-side session cache for session-ID resumption (RFC 5246). Capacity is in entries or in
/// bytes (then <see cref="EntryBytes"/> is charged per session), as the scenario wrote it; with a
/// <see cref="Preset"/> the preset reads it as its server does (an nginx zone size becomes sessions the
/// way nginx's slab allocator cuts it; <c>SessionIdPresets.StoreOptions</c>).
/// </summary>
public sealed record SessionIdConfig
{
    public StoreScope Store { get; init; } = StoreScope.PerServer;

    /// <summary>
    /// <see cref="StoreEviction.Fifo"/> (what real servers do) or <see cref="StoreEviction.Lru"/>;
    /// <see cref="StoreEviction.None"/> is not a scenario value: a strategy without a cache has no <c>session_ids</c>.
    /// </summary>
    public StoreEviction Eviction { get; init; } = StoreEviction.Fifo;

    /// <summary>Maximum entries; 0 when the capacity is given in bytes (both 0 with a preset: the server's default).</summary>
    public long CapacityEntries { get; init; }

    /// <summary>Maximum bytes; 0 when the capacity is given in entries.</summary>
    public long CapacityBytes { get; init; }

    /// <summary>Bytes charged per stored session (nginx: 384, HAProxy: 200); 0 = the session id plus the serialized session (OpenSSL).</summary>
    public int EntryBytes { get; init; } = 384;

    /// <summary>Lifetime from creation; a hit does not extend it.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Network time of one lookup or store in a shared cache (added to the handshake).</summary>
    public TimeSpan Lookup { get; init; }

    /// <summary>
    /// Nodes of the shared cache tier (<c>store: shared</c>); session IDs are spread over them by
    /// consistent hashing and each node has <see cref="CapacityEntries"/>/<see cref="CapacityBytes"/>
    /// of its own, as memcached or Redis nodes each have their own memory limit. 1 = one store.
    /// </summary>
    public int Nodes { get; init; } = 1;

    /// <summary>Network time of one store (put) in a shared cache, added to the handshake that issues the session.</summary>
    public TimeSpan Put { get; init; }

    /// <summary>Operations per second one shared-cache node serves; 0 = no queueing at the node.</summary>
    public double NodeOpsPerSecond { get; init; }

    /// <summary>
    /// What an operation against a failed node costs before the server gives up: 0 = refused at
    /// once (the node's host answers RST), otherwise the client library's timeout.
    /// </summary>
    public TimeSpan NodeTimeout { get; init; }

    /// <summary>The server preset the values came from (<c>nginx</c>, <c>openssl</c>, <c>haproxy</c>), if any.</summary>
    public string? Preset { get; init; }
}
