namespace ResumeSim.Tls.Tests;

/// <summary>
/// Whole-second session lifetimes: nginx's shared cache (<c>expire = ngx_time() + timeout</c> in
/// ngx_ssl_new_session, served while <c>expire &gt; ngx_time()</c> in ngx_ssl_get_cached_session,
/// src/event/ngx_event_openssl.c) and OpenSSL 3.0's cache (<c>sess_timedout</c>: timed out once
/// <c>now &gt; time + timeout</c>, ssl/ssl_sess.c), both counting <c>time()</c> seconds.
/// </summary>
public sealed class ExpiryRuleTests
{
    private const long Timeout = 60 * Times.Second;

    [Theory]
    [InlineData(0, 60)] // put on the second: lives the full timeout
    [InlineData(250, 59.75)] // put at 10.25 s of a second: expire = 10 + 60, gone at 70.000
    [InlineData(999, 59.001)]
    public void Nginx_SessionPutAtFractionF_LivesTimeoutMinusF(int fractionMs, double lifetimeSeconds)
    {
        var store = Store(ExpiryRule.NginxWholeSeconds);
        long put = (10 * Times.Second) + (fractionMs * Nanoseconds.PerMillisecond);
        store.Put(Sessions.Id(1), Sessions.Tls12(put), put);
        long gone = put + (long)(lifetimeSeconds * Times.Second);

        Assert.Equal(StoreLookup.Hit, store.TryGet(Sessions.Id(1), gone - 1, out _));
        Assert.Equal(StoreLookup.Expired, store.TryGet(Sessions.Id(1), gone, out _));
    }

    [Theory]
    [InlineData(0, 61)] // time = 10, timed out when now > 70, i.e. from 71.000
    [InlineData(250, 60.75)]
    public void OpenSsl_SessionPutAtFractionF_LivesTimeoutPlusOneMinusF(int fractionMs, double lifetimeSeconds)
    {
        var store = Store(ExpiryRule.OpenSslWholeSeconds);
        long put = (10 * Times.Second) + (fractionMs * Nanoseconds.PerMillisecond);
        store.Put(Sessions.Id(1), Sessions.Tls12(put), put);
        long gone = put + (long)(lifetimeSeconds * Times.Second);

        Assert.Equal(StoreLookup.Hit, store.TryGet(Sessions.Id(1), gone - 1, out _));
        Assert.Equal(StoreLookup.Expired, store.TryGet(Sessions.Id(1), gone, out _));
    }

    [Fact]
    public void Nginx_InsertSweep_UsesTheSameWholeSecondDeadline()
    {
        // ngx_ssl_expire_sessions stops at the first entry with expire > now: a session put at 10.5 s is
        // swept by an insert at 70.0 s, one put at 11.0 s is not.
        var store = Store(ExpiryRule.NginxWholeSeconds, expireOnInsert: 2);
        long first = (10 * Times.Second) + (500 * Nanoseconds.PerMillisecond);
        store.Put(Sessions.Id(1), Sessions.Tls12(first), first);
        store.Put(Sessions.Id(2), Sessions.Tls12(11 * Times.Second), 11 * Times.Second);

        store.Put(Sessions.Id(3), Sessions.Tls12(70 * Times.Second), 70 * Times.Second);

        Assert.Equal(1, store.Counters.Expired);
        Assert.Equal(2, store.Count);
    }

    [Fact]
    public void Exposure_WithWholeSecondDeadlines_CountsFromThePut()
    {
        var store = Store(ExpiryRule.NginxWholeSeconds);
        long put = (10 * Times.Second) + (400 * Nanoseconds.PerMillisecond);
        store.Put(Sessions.Id(1), Sessions.Tls12(put), put);

        Assert.Equal(5.0, store.HeldExposure(put + (5 * Times.Second)).MaxSeconds, 9);
    }

    [Fact]
    public void Options_WholeSecondRuleWithSubSecondTimeout_Throw()
    {
        var options = new SessionStoreOptions(StoreEviction.Fifo, 10, 0, 0, Times.Second / 2) { Expiry = ExpiryRule.NginxWholeSeconds };
        Assert.Throws<ArgumentException>(() => new EvictingSessionStore(options));
    }

    [Fact]
    public void Presets_CountTheirOwnWholeSeconds()
    {
        Assert.Equal(ExpiryRule.NginxWholeSeconds, SessionStorePresets.NginxZone(1 << 20).Expiry);
        Assert.Equal(ExpiryRule.OpenSslWholeSeconds, SessionStorePresets.OpenSsl().Expiry);
        Assert.Equal(ExpiryRule.OpenSslWholeSeconds, SessionStorePresets.NginxBuiltin().Expiry);
    }

    private static EvictingSessionStore Store(ExpiryRule rule, int expireOnInsert = 0) =>
        new(new SessionStoreOptions(StoreEviction.Fifo, 100, 0, 0, Timeout) { Expiry = rule, ExpireOnInsert = expireOnInsert });
}
