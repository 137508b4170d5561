using System.Globalization;

namespace ResumeSim.Cli.Tests.Import;

/// <summary>
/// The ResumeSim half of validation/nginx/run.sh on a log that script recorded from Debian's nginx
/// 1.22.1 (the first 400 connections of run 2 in docs/validation.md, "Real nginx", where the 63-session
/// cache is full most of the time): import it, replay it written as nginx was configured
/// (<c>shared:SSL:32k</c>, <c>ssl_session_timeout 60s</c>) with the nginx preset, and compare the
/// resumption rates. Were the zone read as 32768 / 384 = 85 sessions, the replay would resume 37%
/// instead of nginx's 26%, so the zone's slab layout is what is tested.
/// </summary>
public sealed class NginxReplayFixtureTests
{
    // What the recorded run's nginx.conf said.
    private const string Capacity = "32k";
    private const string Timeout = "60s";

    [Fact]
    public void Replay_OfTheRecordedNginxLog_MatchesNginxWithinOnePercentagePoint()
    {
        using var temp = new TempFolder();
        var log = Path.Combine(RepositoryPaths.Root, "tests", "ResumeSim.Cli.Tests", "Import", "Fixtures", "nginx-access.log");
        var import = Path.Combine(temp.Path, "import");

        var (importExit, _, importErr) = CliRunner.Run("import-nginx", log, "--out", import);
        Assert.True(importExit == 0, importErr);

        var observed = File.ReadAllLines(Path.Combine(import, "observed.csv")).Skip(1).ToList();
        var observedRate = observed.Count(l => l.EndsWith(",r", StringComparison.Ordinal)) / (double)observed.Count;
        var last = double.Parse(observed[^1].Split(',')[0], CultureInfo.InvariantCulture);
        var scenario = temp.Write("replay.yaml", $$"""
            name: nginx-replay
            duration: {{(int)last + 60}}s
            clients:
              trace: import/trace.csv
              rtt: {fixed: 1ms}
              mix:
                - {client: openssl, share: 1.0}
            tls: {version: "1.2", certificate: ecdsa-p256}
            farm: {servers: 1, cores: 1, balancer: round-robin}
            costs: {fixed: 0}
            strategies:
              - name: nginx
                session_ids: {preset: nginx, capacity: {{Capacity}}, timeout: {{Timeout}}}
            output: {bucket: {{(int)last + 60}}s}
            """);

        var (runExit, stdout, runErr) = CliRunner.Run("run", scenario, "--out", Path.Combine(temp.Path, "results"), "--quiet");
        Assert.True(runExit == 0, runErr);

        var summary = File.ReadAllLines(Path.Combine(stdout.Trim(), "summary.csv"));
        var header = summary[0].Split(',').ToList();
        var row = summary[1].Split(',');
        Assert.Equal(observed.Count, long.Parse(row[header.IndexOf("connections")], CultureInfo.InvariantCulture));
        var simulatedRate = double.Parse(row[header.IndexOf("resumption_rate")], CultureInfo.InvariantCulture);
        Assert.True(Math.Abs(simulatedRate - observedRate) <= 0.01, $"nginx {observedRate:0.0000}, ResumeSim {simulatedRate:0.0000}");
    }
}
