namespace ResumeSim.Results.Report;

/// <summary>
/// Each server's CPU utilization over time, per strategy and sweep point, each bucket the mean over
/// replications: from servers.csv's <c>cpu_util</c> when the run has that file, else from
/// timeseries.csv's <c>cpu_util_by_server</c> (one value per server the farm has held so far, server 1
/// first; 0 while down), which runs written before servers.csv existed carry.
/// </summary>
internal sealed record ServerCpu(string Strategy, SweepCells Sweep, IReadOnlyList<IReadOnlyList<(double X, double Y)>> Series)
{
    public static string SourceNote(ReportRun run) => run.Output.Servers.Count > 0
        ? "servers.csv, column cpu_util."
        : "timeseries.csv, column cpu_util_by_server, split per server (this run has no servers.csv).";

    public static IReadOnlyList<ServerCpu> From(ReportRun run) => run.Output.Servers.Count > 0 ? FromServers(run) : FromTimeseries(run);

    private static List<ServerCpu> FromServers(ReportRun run)
    {
        var result = new List<ServerCpu>();
        var byGroup = run.Output.Servers.ToLookup(r => (r.Strategy, SweepCells.From(r.Sweep)));
        foreach (var (strategy, sweep) in run.Groups())
        {
            var rows = byGroup[(strategy, sweep)].ToList();
            if (rows.Count == 0)
            {
                continue;
            }

            var times = rows.Select(r => r.TimeS).Distinct().Order().ToList();
            var series = new List<IReadOnlyList<(double X, double Y)>>();
            foreach (var server in rows.GroupBy(r => r.Server).OrderBy(g => g.Key))
            {
                // A server added by scale-out has no rows before it existed: it counts as 0, as when down.
                var at = server.ToLookup(r => r.TimeS, r => r.CpuUtil);
                series.Add(times.Select(t => (t, at[t].Any() ? SeriesSection.Mean(at[t]) : 0)).ToList());
            }

            result.Add(new ServerCpu(strategy, sweep, series));
        }

        return result;
    }

    private static List<ServerCpu> FromTimeseries(ReportRun run)
    {
        var result = new List<ServerCpu>();
        foreach (var (strategy, sweep) in run.Groups())
        {
            var rows = SeriesSection.Rows(run, strategy, sweep).ToList();
            var servers = rows.Select(r => r.CpuUtilByServer.Count).DefaultIfEmpty(0).Max();
            if (servers == 0)
            {
                continue;
            }

            var series = new List<IReadOnlyList<(double X, double Y)>>(servers);
            for (var i = 0; i < servers; i++)
            {
                var index = i;
                // A server added by scale-out has no value before it existed: it counts as 0, as when down.
                series.Add(SeriesSection.MeanSeries(rows, r => index < r.CpuUtilByServer.Count ? r.CpuUtilByServer[index] : 0));
            }

            result.Add(new ServerCpu(strategy, sweep, series));
        }

        return result;
    }
}
