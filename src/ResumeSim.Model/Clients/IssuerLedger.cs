using ResumeSim.Model.Servers;
using ResumeSim.Tls;

namespace ResumeSim.Model.Clients;

/// <summary>
/// Explains misses: it remembers which server worker, in which of its lives, issued what each client holds
/// for each host, and so tells why a connection offered nothing or why a server did not know its offer.
/// </summary>
internal sealed class IssuerLedger
{
    // An entry packs the issuing worker (server * workers + worker) in its low 24 bits and the server's
    // restarts so far (mod 128) above them; -1 when the client holds nothing from the host.
    private const int IssuerBits = 24;

    private readonly int[] _issuedBy;
    private readonly int _hosts;
    private readonly Farm _farm;
    private readonly ResumptionSetup _setup;
    private readonly bool _tls13;
    private readonly long _sessionTimeoutTicks;

    /// <param name="clients">How many clients there are.</param>
    /// <param name="hosts">Hosts each client visits.</param>
    /// <param name="farm">The farm, for each server's restarts and workers.</param>
    /// <param name="setup">Where the strategy keeps stores and keys (per server, per worker, shared).</param>
    /// <param name="tls13">Whether the protocol is TLS 1.3 (single-use tickets can run out).</param>
    /// <param name="sessionTimeoutTicks">The strategy's session-id timeout; <see cref="long.MaxValue"/> without session ids.</param>
    public IssuerLedger(int clients, int hosts, Farm farm, ResumptionSetup setup, bool tls13, long sessionTimeoutTicks)
    {
        _hosts = hosts;
        _farm = farm;
        _setup = setup;
        _tls13 = tls13;
        _sessionTimeoutTicks = sessionTimeoutTicks;
        _issuedBy = LargeArrays.Allocate<int>(clients * hosts);
        Array.Fill(_issuedBy, -1);
    }

    /// <summary>What <paramref name="client"/> now holds for <paramref name="host"/> was issued by <paramref name="worker"/> of <paramref name="server"/>.</summary>
    public void Record(int client, int host, int server, int worker) =>
        _issuedBy[(client * _hosts) + host] = ((_farm.Restarts(server) & 0x7F) << IssuerBits) | _farm.Workers.WorkerIndex(server, worker);

    /// <summary>
    /// Why a client offers nothing to <paramref name="host"/>: it never held a session for it (or never
    /// resumes), it used up its single-use TLS 1.3 tickets, or it lost what it held (its cache cleared,
    /// its LRU or its own lifetime cap). Only connections without an offer read the issuer's line.
    /// </summary>
    public MissReason WhyNoOffer(int client, int host, ClientPreset preset, ClientLookup lookup, bool dropped)
    {
        if (!preset.Resumes)
        {
            return MissReason.NotOffered;
        }

        if (lookup == ClientLookup.Expired)
        {
            return MissReason.ClientCacheLost;
        }

        if (_issuedBy[(client * _hosts) + host] < 0)
        {
            return MissReason.NotOffered;
        }

        return _tls13 && preset.SingleUseTls13Tickets && !dropped
            ? MissReason.NoTicketsLeft
            : MissReason.ClientCacheLost;
    }

    /// <summary>
    /// The core can only say "unknown id" or "unknown key"; the ledger knows which server (and worker)
    /// issued the client's session and so can tell a session held by another server, or by another
    /// worker's cache of this server, from one this server lost. <paramref name="offeredReceivedAt"/> is
    /// when the client received what it offered (read only when <paramref name="offered"/>).
    /// </summary>
    public MissReason Explain(MissReason miss, int client, int host, int server, int worker, bool offered, long offeredReceivedAt, long now)
    {
        // Most handshakes are not these misses: only they read the issuer (a cold line per client).
        if (miss is not (MissReason.UnknownId or MissReason.UnknownTicketKey))
        {
            return miss;
        }

        var workers = _farm.Workers.Count;
        var here = _farm.Workers.WorkerIndex(server, worker);
        var issued = _issuedBy[(client * _hosts) + host];
        var issuer = issued < 0 ? -1 : issued & ((1 << IssuerBits) - 1);
        var issuerServer = issuer >= 0 ? issuer / workers : -1;
        var lostInRestart = issuerServer == server && issued >= 0 && (issued >> IssuerBits) != (_farm.Restarts(server) & 0x7F);
        return miss switch
        {
            MissReason.UnknownId when _setup.PerServerStores && issuer >= 0 && issuerServer != server => MissReason.OtherServer,
            MissReason.UnknownId when _setup.PerServerStores && lostInRestart => MissReason.StoreFlushed,
            MissReason.UnknownId when _setup.PerWorkerStores && issuer >= 0 && issuer != here => MissReason.OtherWorker,

            // A store that already swept an expired session answers "unknown"; the client received the
            // session after the server created it, so an age past the timeout proves it expired.
            MissReason.UnknownId when offered && now - offeredReceivedAt >= _sessionTimeoutTicks => MissReason.SessionExpired,
            MissReason.UnknownId => MissReason.Evicted,
            MissReason.UnknownTicketKey when _setup.PerServerKeys && issuer >= 0 && issuerServer != server => MissReason.OtherServer,
            MissReason.UnknownTicketKey when _setup.PerServerKeys && lostInRestart => MissReason.TicketKeyRetired,
            _ => miss,
        };
    }
}
