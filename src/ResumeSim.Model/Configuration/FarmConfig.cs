using ResumeSim.Model.Balancing;

namespace ResumeSim.Model.Configuration;

/// <summary>The TLS-terminating servers and the balancer in front of them.</summary>
public sealed record FarmConfig
{
    public int Servers { get; init; } = 1;

    /// <summary>Cores per server; each core serves one handshake's CPU work at a time.</summary>
    public int Cores { get; init; } = 1;

    /// <summary>
    /// Worker processes per server (nginx <c>worker_processes</c>). A per-process session cache
    /// (<see cref="StoreScope.PerWorker"/>: OpenSSL's internal cache, nginx <c>builtin</c>) exists once per
    /// worker, and each connection reaches one worker (<see cref="Reuseport"/>; docs/model.md, "Workers").
    /// </summary>
    public int Workers { get; init; } = 1;

    /// <summary>
    /// nginx <c>listen ... reuseport</c>: each worker has its own socket and the kernel spreads connections
    /// by a hash of their addresses and ports (uniformly at random per connection); without it the workers
    /// share one socket and take runs of 16 connections in turn (<c>ngx_reorder_accept_events</c>).
    /// </summary>
    public bool Reuseport { get; init; }

    public BalancerKind Balancer { get; init; } = BalancerKind.RoundRobin;

    /// <summary>Entries of the session-sticky balancer's stick table (HAProxy <c>stick-table size 30k</c>).</summary>
    public int StickTableSize { get; init; } = 30_000;

    /// <summary>Idle time after which a stick-table entry is forgotten (HAProxy <c>expire 30m</c>).</summary>
    public TimeSpan StickTableExpiry { get; init; } = TimeSpan.FromMinutes(30);
}
