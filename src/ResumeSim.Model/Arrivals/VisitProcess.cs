using MathNet.Numerics.Distributions;
using ResumeSim.Engine;
using ResumeSim.Model.Configuration;
using ResumeSim.Model.Randomness;

namespace ResumeSim.Model.Arrivals;

/// <summary>
/// When each client visits, and what happens to its sessions between visits, as pure functions of
/// (seed, client, visit number) through <see cref="CounterRandom"/>: no state per client beyond its
/// visit counter, so every strategy sees the same visits and results do not depend on event order
/// or thread count (docs/model.md, Common random numbers).
/// <list type="bullet">
/// <item>Gaps: exponential (Poisson), Pareto or lognormal, each with mean 1 / rate.</item>
/// <item>Diurnal curve: candidate visits at rate x the curve's maximum, each kept with probability
/// factor(t) / maximum (thinning; exact for Poisson, for other gaps the kept visits keep the mean
/// rate and follow the curve, but their gaps are no longer exactly Pareto or lognormal).</item>
/// <item>Churn: with probability <c>churn</c> a visit comes from a new client with an empty store.</item>
/// <item>Mobile: a fixed share of clients change networks as a Poisson process; a visit after at
/// least one change finds the client's sessions dropped.</item>
/// </list>
/// </summary>
internal sealed class VisitProcess
{
    // Candidate j > 0 of a visit draws from counter visit + j * 2^40: never the counter of another
    // visit's first candidate (visit numbers stay below 2^31), and candidate 0 is exactly the plain
    // Poisson draw, so a scenario without a diurnal curve keeps its visits bit for bit.
    private const int CandidateShift = 40;
    private const int MaxCandidates = 1 << 20;
    private const double SecondsPerDay = 86400;

    // A heavy tail can draw a gap of centuries; ten years is beyond any run and keeps ticks far from overflow.
    private const double MaxGapSeconds = 10 * 365 * SecondsPerDay;

    private readonly ulong _seed;
    private readonly VisitProcessConfig _config;
    private readonly double _diurnalMax;
    private readonly double _churn;
    private readonly MobileConfig? _mobile;

    public VisitProcess(ClientsConfig clients, ulong replicationSeed)
    {
        ArgumentNullException.ThrowIfNull(clients);
        _seed = replicationSeed;
        _config = clients.Process;
        _diurnalMax = _config.Diurnal?.Max ?? 1;
        _churn = clients.Churn;
        _mobile = clients.Mobile is { Share: > 0, ChangesPerSecond: > 0 } mobile ? mobile : null;
    }

    /// <summary>Whether any client can lose its sessions between visits (churn or network changes).</summary>
    public bool DropsSessions => _churn > 0 || _mobile is not null;

    public bool HasMobileClients => _mobile is not null;

    /// <summary>
    /// The time of visit <paramref name="visit"/> + 1 of <paramref name="client"/>, whose visit
    /// <paramref name="visit"/> happened at <paramref name="now"/> (0 before the first), at mean rate
    /// <paramref name="rate"/> per second; <see cref="long.MaxValue"/> when the client never visits.
    /// </summary>
    public long NextVisit(int client, int visit, long now, double rate)
    {
        if (rate <= 0)
        {
            return long.MaxValue;
        }

        if (_config.Diurnal is not { } diurnal)
        {
            return now + GapTicks(rate, client, (ulong)visit);
        }

        var candidateRate = rate * _diurnalMax;
        var t = now;
        for (ulong j = 0; j < MaxCandidates; j++)
        {
            var counter = (ulong)visit + (j << CandidateShift);
            t += GapTicks(candidateRate, client, counter);
            if (t > long.MaxValue / 2)
            {
                return long.MaxValue;
            }

            var u = CounterRandom.UnitOpen(_seed, RandomStreamIds.DiurnalThinning, (ulong)client, counter);
            if (u * _diurnalMax <= diurnal.Factor(SimTime.ToSeconds(t) % SecondsPerDay))
            {
                return t;
            }
        }

        return t;
    }

    /// <summary>Visit <paramref name="visit"/> of <paramref name="client"/> comes from a new client (empty store).</summary>
    public bool Churns(int client, int visit) =>
        _churn > 0 && CounterRandom.UnitOpen(_seed, RandomStreamIds.Churn, (ulong)client, (ulong)visit) <= _churn;

    /// <summary>Whether <paramref name="client"/> is one of the mobile share (fixed per client and replication).</summary>
    public bool IsMobile(int client) =>
        _mobile is { } mobile && CounterRandom.UnitOpen(_seed, RandomStreamIds.Mobile, (ulong)client, 0) <= mobile.Share;

    /// <summary>
    /// Whether a mobile client's network changed at least once in the <paramref name="gapTicks"/> before
    /// visit <paramref name="visit"/>: for Poisson changes at rate r, with probability 1 - exp(-r gap).
    /// </summary>
    public bool NetworkChanged(int client, int visit, long gapTicks)
    {
        if (_mobile is not { } mobile || gapTicks <= 0)
        {
            return false;
        }

        var p = 1 - Math.Exp(-mobile.ChangesPerSecond * SimTime.ToSeconds(gapTicks));
        return CounterRandom.UnitOpen(_seed, RandomStreamIds.NetworkChange, (ulong)client, (ulong)visit) <= p;
    }

    /// <summary>One gap at mean 1 / <paramref name="rate"/>, in ticks (at least 1).</summary>
    private long GapTicks(double rate, int client, ulong counter)
    {
        var seconds = _config.Kind switch
        {
            VisitProcessKind.Pareto => ParetoGap(rate, client, counter),
            VisitProcessKind.LogNormal => LogNormalGap(rate, client, counter),
            _ => CounterRandom.Exponential(rate, _seed, RandomStreamIds.VisitGap, (ulong)client, counter),
        };
        return Math.Max(1, SimTime.FromSeconds(Math.Min(seconds, MaxGapSeconds)));
    }

    /// <summary>Pareto with shape a and scale xm = mean (a - 1) / a, by inverse CDF: xm U^(-1/a).</summary>
    private double ParetoGap(double rate, int client, ulong counter)
    {
        var a = _config.Shape;
        var scale = (a - 1) / a / rate;
        return scale * Math.Pow(CounterRandom.UnitOpen(_seed, RandomStreamIds.VisitGap, (ulong)client, counter), -1 / a);
    }

    /// <summary>Lognormal with mean 1 / rate: mu = ln(mean) - sigma^2 / 2, by the normal's inverse CDF.</summary>
    private double LogNormalGap(double rate, int client, ulong counter)
    {
        var s = _config.Sigma;
        var mu = -Math.Log(rate) - (s * s / 2);

        // (0, 1] with 1 excluded too: the normal's inverse CDF is infinite at 1.
        var u = CounterRandom.UnitOpen(_seed, RandomStreamIds.VisitGap, (ulong)client, counter) - (0.5 / (1UL << 53));
        return Math.Exp(mu + (s * Normal.InvCDF(0, 1, u)));
    }
}
