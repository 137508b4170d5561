using ResumeSim.Results;

namespace ResumeSim.Cli.Tests;

/// <summary>
/// docs/scenarios.md, "Scaling down": 1/k of the clients on 1/k of the servers keeps the full farm's
/// rates (within their confidence intervals) and 1/k of its totals when resumption does not depend
/// on which server a client reaches (farm-shared ticket keys), and not when it does (per-server
/// caches behind a non-sticky balancer).
/// </summary>
public sealed class SmallerFarmTests
{
    private const int K = 4;

    [Fact]
    public void QuarterFarm_WithFarmSharedTicketKeys_MatchesTheFullFarm_OnRatesWithinCisAndOnCountsTimesK()
    {
        using var temp = new TempFolder();
        var full = Summary(temp, "full", clients: 4000, servers: 4);
        var quarter = Summary(temp, "quarter", clients: 4000 / K, servers: 4 / K);

        var (fullRate, fullLo, fullHi) = Ci(full, "tickets", r => r.ResumptionRate);
        var (quarterRate, quarterLo, quarterHi) = Ci(quarter, "tickets", r => r.ResumptionRate);
        Assert.True(
            Math.Abs(fullRate - quarterRate) <= (fullHi - fullLo) / 2 + (quarterHi - quarterLo) / 2,
            $"resumption rate {fullRate:F4} [{fullLo:F4}, {fullHi:F4}] on the full farm, {quarterRate:F4} [{quarterLo:F4}, {quarterHi:F4}] on a quarter");

        // Farm totals: the quarter's times k within 5% (Poisson noise on ~10^4 connections is ~1%).
        Assert.InRange(K * Ci(quarter, "tickets", r => r.Connections).Mean / Ci(full, "tickets", r => r.Connections).Mean, 0.95, 1.05);
        Assert.InRange(K * Ci(quarter, "tickets", r => r.CpuCoreSeconds).Mean / Ci(full, "tickets", r => r.CpuCoreSeconds).Mean, 0.95, 1.05);
    }

    [Fact]
    public void QuarterFarm_WithPerServerCachesBehindARandomBalancer_ResumesFarMoreOften()
    {
        // Why scaling down is not offered: a client reaches the server holding its session with
        // probability 1/servers, so one server of four resumes several times as often as four of four
        // (measured: 0.019 on four servers, 0.082 on one).
        using var temp = new TempFolder();
        var full = Summary(temp, "full", clients: 4000, servers: 4);
        var quarter = Summary(temp, "quarter", clients: 4000 / K, servers: 4 / K);

        var (fullRate, _, fullHi) = Ci(full, "ids", r => r.ResumptionRate);
        var (quarterRate, quarterLo, _) = Ci(quarter, "ids", r => r.ResumptionRate);
        Assert.True(quarterLo > 2 * fullHi, $"ids: {quarterRate:F4} on a quarter of the farm, {fullRate:F4} on all of it");
    }

    private static IReadOnlyList<SummaryRow> Summary(TempFolder temp, string name, int clients, int servers)
    {
        var scenario = temp.Write($"{name}.yaml", $"""
            name: {name}
            seed: 11
            duration: 10m
            warmup: 2m
            replications: 5
            clients:
              count: {clients}
              visits: {"{rate: 20/h}"}
              mix: [{"{browser: chrome, share: 1}"}]
            farm:
              servers: {servers}
              cores: 2
              balancer: random
            strategies:
              - name: ids
                session_ids: {"{preset: nginx, capacity: 40KB}"}
              - name: tickets
                tickets: {"{keys: shared, rotate: 1m, keep: 2m, lifetime: 2m}"}
            """);
        var (exit, stdout, stderr) = CliRunner.Run("run", scenario, "--out", Path.Combine(temp.Path, "results"), "--quiet");
        Assert.True(exit == 0, stderr);
        return RunReader.Read(stdout.Trim()).Summary;
    }

    private static (double Mean, double Lo, double Hi) Ci(IReadOnlyList<SummaryRow> rows, string strategy, Func<SummaryRow, double> value)
    {
        var xs = rows.Where(r => r.Strategy == strategy).Select(value).ToArray();
        var (mean, _, lo, hi) = ConfidenceIntervals.MeanCi95(xs);
        return (mean, lo, hi);
    }
}
