namespace ResumeSim.Results.Report;

/// <summary>
/// Each server's CPU utilization over time, per strategy and sweep point: from timeseries.csv's
/// <c>cpu_util_by_server</c> column (one value per server the farm has held so far, server 1 first;
/// 0 while down), each bucket the mean over replications.
/// </summary>
internal sealed record ServerCpu(string Strategy, SweepCells Sweep, IReadOnlyList<IReadOnlyList<(double X, double Y)>> Series)
{
    public const string SourceNote = "timeseries.csv, column cpu_util_by_server, split per server.";

    public static IReadOnlyList<ServerCpu> From(ReportRun run)
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
