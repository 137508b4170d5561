using ResumeSim.Engine;
using ResumeSim.Tls;

namespace ResumeSim.Model.World;

/// <summary>
/// HAProxy's <c>stick on req.payload_lv(43,1)</c> / <c>stick store-response resp.payload_lv(43,1)</c>
/// (parameters.md section 1): the balancer reads the session ID in the ClientHello and sends the
/// connection to the server that issued it, from a bounded stick table
/// (<c>size 30k expire 30m</c>). Unknown or expired IDs fall back to another policy. When the table is
/// full the oldest stored entry is dropped.
/// </summary>
internal sealed class SessionStickyBalancer : Balancer
{
    private const int DefaultSize = 30_000;
    private static readonly long DefaultExpiry = SimTime.FromTimeSpan(TimeSpan.FromMinutes(30));

    private readonly Balancer _fallback;
    private readonly Dictionary<SessionId, (int Server, long ExpiresAt)> _table = new(DefaultSize);
    private readonly Queue<SessionId> _insertionOrder = new(DefaultSize);

    public SessionStickyBalancer(IReadOnlyList<ServerNode> servers, Balancer fallback)
        : base(servers) => _fallback = fallback;

    public override int Choose(in BalancerRequest request)
    {
        if (!request.OfferedSessionId.IsEmpty
            && _table.TryGetValue(request.OfferedSessionId, out var entry)
            && entry.ExpiresAt > request.Now)
        {
            // HAProxy refreshes an entry's expiry each time it matches.
            _table[request.OfferedSessionId] = (entry.Server, request.Now + DefaultExpiry);
            return entry.Server;
        }

        return _fallback.Choose(request);
    }

    public override void OnSessionIssued(in SessionId id, int server, long now)
    {
        if (_table.ContainsKey(id))
        {
            _table[id] = (server, now + DefaultExpiry);
            return;
        }

        while (_table.Count >= DefaultSize && _insertionOrder.TryDequeue(out var oldest))
        {
            _table.Remove(oldest);
        }

        _table[id] = (server, now + DefaultExpiry);
        _insertionOrder.Enqueue(id);
    }
}
