using System.Globalization;
using System.Text;
using ResumeSim.Model.Arrivals;
using ResumeSim.Model.Configuration;
using ResumeSim.Model.World;
using ResumeSim.Tls;

namespace ResumeSim.Model.Tests.World;

/// <summary>
/// Connection by connection, the replay of a log recorded from real nginx (validation/nginx/run.sh,
/// run 2 of docs/validation.md; the same fixture the CLI test imports) against what nginx logged in
/// <c>$ssl_session_reused</c>. The rates agreeing could hide offsetting errors; this cannot.
/// </summary>
public sealed class NginxAgreementTests
{
    [Fact]
    public void Replay_OfTheRecordedNginxLog_ResumesTheSameConnectionsAsNginx()
    {
        var rows = File.ReadAllLines(FixturePath())
            .Select(l => l.Split(' '))
            .Select(f => (Msec: decimal.Parse(f[0], CultureInfo.InvariantCulture), Client: f[6], Reused: f[3] == "r"))
            .OrderBy(r => r.Msec)
            .ToList();
        // From the whole second before the first connection, as import-nginx writes traces, so the
        // trace's whole seconds are those nginx's timeout counted.
        var start = decimal.Floor(rows[0].Msec);
        var text = new StringBuilder(TraceArrivals.Header).Append('\n');
        foreach (var row in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"{row.Msec - start},{row.Client},localhost\n");
        }

        // As nginx was configured: ssl_session_cache shared:SSL:32k, ssl_session_timeout 60s. The preset
        // turns the zone into nginx's 63 sessions and counts the timeout in whole seconds.
        var ids = new SessionIdConfig { CapacityBytes = 32 * 1024, EntryBytes = 384, Timeout = TimeSpan.FromSeconds(60), Preset = "nginx" };
        var resumed = NginxReplay.Resumed(text.ToString(), ids);

        var disagree = Enumerable.Range(0, rows.Count).Where(i => resumed[i] != rows[i].Reused).ToList();
        Assert.True(disagree.Count == 0, $"{disagree.Count} of {rows.Count} connections differ, the first at row {disagree.FirstOrDefault()}");
    }

    private static string FixturePath()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ResumeSim.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "tests", "ResumeSim.Cli.Tests", "Import", "Fixtures", "nginx-access.log");
    }
}
