namespace ResumeSim.Results.Csv;

/// <summary>
/// <c>timeseries.csv</c>: <c>strategy, replication, [sweep columns], t_s, arrivals, connections, full,
/// resumed, resumption_rate, cpu_util, queue_len_max, store_entries, store_bytes, tickets_rejected,
/// cpu_util_server_max, cpu_util_by_server, servers_up, cache_lookups, cache_puts, cache_failed,
/// cache_delay_ms, stick_evictions</c>.
/// </summary>
internal static class TimeseriesCsv
{
    public static readonly string[] Leading = ["strategy", "replication"];

    public static readonly string[] Trailing =
    [
        "t_s", "arrivals", "connections", "full", "resumed", "resumption_rate",
        "cpu_util", "queue_len_max", "store_entries", "store_bytes", "tickets_rejected",
        "cpu_util_server_max", "cpu_util_by_server", "servers_up", "cache_lookups", "cache_puts", "cache_failed",
        "cache_delay_ms", "stick_evictions",
    ];

    public static void Write(string path, IReadOnlyList<TimeseriesRow> rows, SweepCells sweepKeys)
    {
        using var csv = CsvTableWriter.Create(path);
        csv.Header(Leading, sweepKeys, Trailing);
        foreach (var row in rows)
        {
            RowChecks.Check(RunFiles.Timeseries, row.Strategy, row.Sweep, sweepKeys);
            csv.Text(row.Strategy);
            csv.Integer(row.Replication);
            csv.SweepValues(row.Sweep);
            csv.Real(row.TimeS);
            csv.Integer(row.Arrivals);
            csv.Integer(row.Connections);
            csv.Integer(row.Full);
            csv.Integer(row.Resumed);
            csv.Real(row.ResumptionRate);
            csv.Real(row.CpuUtil);
            csv.Integer(row.QueueLenMax);
            csv.Integer(row.StoreEntries);
            csv.Integer(row.StoreBytes);
            csv.Integer(row.TicketsRejected);
            csv.Real(row.CpuUtilServerMax);
            csv.Text(ServerList.Format(row.CpuUtilByServer));
            csv.Integer(row.ServersUp);
            csv.Integer(row.CacheLookups);
            csv.Integer(row.CachePuts);
            csv.Integer(row.CacheFailed);
            csv.Real(row.CacheDelayMs);
            csv.Integer(row.StickEvictions);
            csv.EndRow();
        }

        csv.Complete();
    }

    public static List<TimeseriesRow> Read(string path)
    {
        using var csv = CsvTableReader.Open(path, Leading, Trailing);
        var rows = new List<TimeseriesRow>();
        while (csv.Read())
        {
            var strategy = csv.NextText();
            var replication = csv.NextInt32();
            var sweep = csv.NextSweep();
            rows.Add(new TimeseriesRow(
                Strategy: strategy,
                Replication: replication,
                TimeS: csv.NextReal(),
                Arrivals: csv.NextInteger(),
                Connections: csv.NextInteger(),
                Full: csv.NextInteger(),
                Resumed: csv.NextInteger(),
                ResumptionRate: csv.NextReal(),
                CpuUtil: csv.NextReal(),
                QueueLenMax: csv.NextInteger(),
                StoreEntries: csv.NextInteger(),
                StoreBytes: csv.NextInteger(),
                TicketsRejected: csv.NextInteger())
            {
                Sweep = sweep,
                CpuUtilServerMax = csv.NextReal(),
                CpuUtilByServer = ServerList.Parse(csv.NextText()),
                ServersUp = csv.NextInteger(),
                CacheLookups = csv.NextInteger(),
                CachePuts = csv.NextInteger(),
                CacheFailed = csv.NextInteger(),
                CacheDelayMs = csv.NextReal(),
                StickEvictions = csv.NextInteger(),
            });
        }

        return rows;
    }
}
