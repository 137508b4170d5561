using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ResumeSim.Tls.Tests;

public sealed class RotationPropertyTests
{
    /// <summary>
    /// Rotating every R (driven at each multiple of R) and keeping K: a ticket sealed at t0 opens at
    /// t1 exactly when t1 is before the end of its key's sealing interval plus K.
    /// </summary>
    [Property(MaxTest = 200)]
    public Property TryOpen_OkExactlyWithinKeepWindow() =>
        Prop.ForAll(
            Gen.Zip(Gen.Choose(1, 10), Gen.Zip(Gen.Choose(0, 30), Gen.Zip(Gen.Choose(0, 100), Gen.Choose(0, 100)))).ToArbitrary(),
            t =>
            {
                long r = t.Item1 * Times.Minute;
                long k = t.Item2.Item1 * Times.Minute;
                long t0 = t.Item2.Item2.Item1 * Times.Minute / 2;
                long t1 = t0 + t.Item2.Item2.Item2 * Times.Minute / 2;
                var ring = new TicketRotator(new TicketRotatorOptions(TicketCipher.Aes256Gcm, r, k, 1000, 0, true), new SeededRandomBytes(1), 0);
                long tick = r;
                for (; tick <= t0; tick += r)
                {
                    ring.RotateIfDue(tick);
                }

                var ticket = ring.Seal(Sessions.Tls12(createdAt: t0, lifetime: 365 * Times.Day), t0);
                for (; tick <= t1; tick += r)
                {
                    ring.RotateIfDue(tick);
                }

                long stopsSealing = (t0 / r + 1) * r;
                var status = ring.TryOpen(ticket, t1, out _, out bool renew);
                bool expectOk = t1 < stopsSealing + k;
                return (status == TicketOpenStatus.Ok) == expectOk
                    && (status != TicketOpenStatus.Ok || renew == (t1 >= stopsSealing))
                    && (status == TicketOpenStatus.Ok || status == TicketOpenStatus.KeyRetired);
            });

    [Property(MaxTest = 200)]
    public Property ClientCache_NeverExceedsCapacityOrPerKeyLimit() =>
        Prop.ForAll(
            Gen.Zip(Gen.Choose(0, 9), Gen.Choose(0, 2)).ArrayOf().ToArbitrary(),
            ops =>
            {
                var cache = new ClientSessionCache(ClientPresets.Chrome with { CacheEntries = 4 });
                long now = 0;
                foreach (var (origin, op) in ops)
                {
                    now += Times.Second;
                    if (op == 0)
                    {
                        cache.TryTake(origin, now, out _);
                    }
                    else
                    {
                        cache.Put(origin, new ClientSession(op == 1 ? TlsVersion.Tls13 : TlsVersion.Tls12, SessionId.Empty, [1], now, Times.Hour), now);
                    }

                    if (cache.Count > 4 || cache.SessionCount > 4 * 2)
                    {
                        return false;
                    }

                    for (int o = 0; o < 10; o++)
                    {
                        if (cache.SessionsFor(o) > 2)
                        {
                            return false;
                        }
                    }
                }

                return true;
            });
}
