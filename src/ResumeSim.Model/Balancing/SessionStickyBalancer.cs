using ResumeSim.Model.Servers;
using ResumeSim.Tls;

namespace ResumeSim.Model.Balancing;

/// <summary>
/// HAProxy's <c>stick on req.payload_lv(43,1)</c> / <c>stick store-response resp.payload_lv(43,1)</c>
/// (parameters.md section 1): the balancer reads the session ID in the ClientHello and sends the
/// connection to the server that issued it, from a bounded stick table (<c>stick-table size 30k
/// expire 30m</c> by default; <c>farm.stick_table</c>). Unknown or expired IDs, and IDs of a server
/// that is not live, fall back to another policy. When the table is full the oldest stored entry is
/// dropped (counted in <see cref="Evictions"/>).
/// </summary>
internal sealed class SessionStickyBalancer : Balancer
{
    private readonly Balancer _fallback;
    private readonly int _size;
    private readonly long _expiry;
    private readonly Dictionary<SessionId, (int Server, long ExpiresAt)> _table;
    private readonly Queue<SessionId> _insertionOrder;

    public SessionStickyBalancer(IReadOnlyList<ServerNode> servers, int live, Balancer fallback, int size, long expiryTicks)
        : base(servers, live)
    {
        _fallback = fallback;
        _size = size;
        _expiry = expiryTicks;
        _table = new(Math.Min(size, 1 << 20));
        _insertionOrder = new(Math.Min(size, 1 << 20));
    }

    /// <summary>Entries dropped for room while still valid.</summary>
    public long Evictions { get; private set; }

    public override int Choose(in BalancerRequest request)
    {
        if (!request.OfferedSessionId.IsEmpty
            && _table.TryGetValue(request.OfferedSessionId, out var entry)
            && entry.ExpiresAt > request.Now
            && IsLive(entry.Server))
        {
            // HAProxy refreshes an entry's expiry each time it matches.
            _table[request.OfferedSessionId] = (entry.Server, request.Now + _expiry);
            return entry.Server;
        }

        return _fallback.Choose(request);
    }

    public override void OnSessionIssued(in SessionId id, int server, long now)
    {
        if (_table.ContainsKey(id))
        {
            _table[id] = (server, now + _expiry);
            return;
        }

        while (_table.Count >= _size && _insertionOrder.TryDequeue(out var oldest))
        {
            if (_table.Remove(oldest, out var dropped) && dropped.ExpiresAt > now)
            {
                Evictions++;
            }
        }

        _table[id] = (server, now + _expiry);
        _insertionOrder.Enqueue(id);
    }

    protected override void OnMembershipChanged() => _fallback.SetLive(LiveServers());

    private List<int> LiveServers()
    {
        var live = new List<int>(LiveCount);
        for (var k = 0; k < LiveCount; k++)
        {
            live.Add(Live(k));
        }

        return live;
    }
}
