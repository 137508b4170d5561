namespace ResumeSim.Tls;

/// <summary>
/// How a store turns its timeout T into the instant an entry stops being served. Real servers count
/// whole seconds of the wall clock (<c>time()</c>), so an entry put at fraction f of a second lives a
/// little less or a little more than T; times here are ns, and whole seconds are counted from the epoch
/// of those times (for a replayed trace, the whole second before its first row).
/// </summary>
public enum ExpiryRule
{
    /// <summary>Served until exactly T after the put.</summary>
    Exact,

    /// <summary>
    /// nginx's shared cache: <c>expire = ngx_time() + timeout</c> at the put, served while
    /// <c>expire &gt; ngx_time()</c> (<c>ngx_ssl_new_session</c>, <c>ngx_ssl_get_cached_session</c>,
    /// <c>ngx_ssl_expire_sessions</c> in src/event/ngx_event_openssl.c), both whole seconds: an entry put
    /// at fraction f of a second lives T - f.
    /// </summary>
    NginxWholeSeconds,

    /// <summary>
    /// OpenSSL 3.0's internal cache: the session's <c>time</c> is <c>time(NULL)</c> at its creation and
    /// it is timed out once <c>now &gt; time + timeout</c> (<c>sess_timedout</c> in ssl/ssl_sess.c), both
    /// whole seconds: an entry put at fraction f of a second lives T + 1 - f.
    /// </summary>
    OpenSslWholeSeconds,
}
