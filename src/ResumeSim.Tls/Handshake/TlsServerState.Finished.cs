namespace ResumeSim.Tls;

/// <summary>What the server tells its session store once a handshake has succeeded.</summary>
public sealed partial class TlsServerState
{
    /// <summary>
    /// Tells the store the handshake succeeded, for OpenSSL's flush of every 256th
    /// (<see cref="SessionStoreOptions.FlushExpiredEveryHandshakes"/>). Whether its session has an id, as
    /// <c>ssl_update_cache</c> (ssl/ssl_lib.c) sees it: TLS 1.2 calls it once per handshake
    /// (<c>tls_finish_handshake</c>), with the new session's id after a full handshake and the resumed
    /// one's after a resumption; TLS 1.3 calls it for each NewSessionTicket it builds, so only a
    /// handshake that issued one reaches the flush.
    /// </summary>
    private void ReportFinished(TlsVersion version, bool resumed, in SessionId newId, long now)
    {
        bool hasId = version == TlsVersion.Tls13 ? issued.Count > 0 : resumed || !newId.IsEmpty;
        store.OnHandshakeFinished(now, hasId);
    }
}
