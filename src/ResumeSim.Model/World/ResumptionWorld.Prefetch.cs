using System.Diagnostics.CodeAnalysis;
using ResumeSim.Engine;
using ResumeSim.Model.Balancing;
using ResumeSim.Tls;

namespace ResumeSim.Model.World;

/// <summary>Cache-miss hints for the event loop: what the next events will read, started early.</summary>
internal sealed partial class ResumptionWorld
{
    /// <summary>
    /// A visit reads its client's record and session cache (and the ticket it offers), a completed
    /// handshake that issued something the cache again, and a ClientHello its connection's record, the
    /// ticket it carries or, offering a session id, the server's store slot (which holds the session), or,
    /// offering nothing, the slot the full handshake's new session will be put in:
    /// among millions of clients and sessions each is a cache miss, so each is started early (a resumed
    /// handshake, nine in ten at scale, leaves the client's cache alone, so nothing is started for its
    /// completion). Loads that need an earlier one (a cache head says where its ticket is; a
    /// connection's record whose cache, which ticket copy and which store slot) start in
    /// <see cref="PrefetchAhead"/>, two events early, and the second load here, one event early.
    /// </summary>
    public void Prefetch(in Event next)
    {
        if (next.Kind == EventKinds.Visit)
        {
            _clients.Prefetch(next.Target);
            _caches.Prefetch(next.Target);
            _caches.PrefetchTicket(next.Target);
        }
        else if (next.Kind == EventKinds.HandshakeDone && _connections[next.Target].Keeps)
        {
            _caches.Prefetch(_connections[next.Target].Client);
        }
        else if (next.Kind == EventKinds.HelloArrives)
        {
            ref var c = ref _connections[next.Target];
            if (c.HasOffer && c.Offer.HasTicket)
            {
                _caches.PrefetchOffer(next.Target, c.Offer.TicketLength);
            }

            if (TryPredictServer(next, out var server))
            {
                if (c.HasOffer)
                {
                    (server.Store as IStoreSlotPrefetcher)?.PrefetchSlot(c.Offer.SessionId);
                }
                else
                {
                    server.PrefetchNewSession();
                }
            }
        }
    }

    public void PrefetchAhead(in Event afterNext)
    {
        if (afterNext.Kind == EventKinds.Visit)
        {
            _clients.Prefetch(afterNext.Target);
            _caches.Prefetch(afterNext.Target);
        }
        else if (afterNext.Kind is EventKinds.HandshakeDone or EventKinds.HelloArrives)
        {
            LargeArrays.Prefetch(ref _connections[afterNext.Target]);
        }
    }

    /// <summary>
    /// The server state a ClientHello will be handled by, when the balancer's choice is a pure hash and
    /// the hello offers a session id or nothing (a ticket's server needs no hint: the ticket is the state).
    /// </summary>
    private bool TryPredictServer(in Event hello, [NotNullWhen(true)] out TlsServerState? server)
    {
        ref var c = ref _connections[hello.Target];
        server = null;
        var id = c.HasOffer ? c.Offer.SessionId : SessionId.Empty;
        if (_predictable is null || (c.HasOffer && id.IsEmpty))
        {
            return false;
        }

        var index = _predictable.Choose(new BalancerRequest(c.Client, c.DrawKey, id, hello.Time));
        server = _servers[index].Resumption.For(_workers.Predict(index, c.Client, c.DrawKey));
        return true;
    }
}
