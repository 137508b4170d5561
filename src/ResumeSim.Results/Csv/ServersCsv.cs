namespace ResumeSim.Results.Csv;

/// <summary><c>servers.csv</c>: <c>strategy, replication, [sweep columns], t_s, server, cpu_util, handshakes_full, handshakes_resumed, service_mean_ms</c>.</summary>
internal static class ServersCsv
{
    public static readonly string[] Leading = ["strategy", "replication"];

    public static readonly string[] Trailing = ["t_s", "server", "cpu_util", "handshakes_full", "handshakes_resumed", "service_mean_ms"];

    public static void Write(string path, IReadOnlyList<ServerRow> rows, SweepCells sweepKeys)
    {
        using var csv = CsvTableWriter.Create(path);
        csv.Header(Leading, sweepKeys, Trailing);
        foreach (var row in rows)
        {
            RowChecks.Check(RunFiles.Servers, row.Strategy, row.Sweep, sweepKeys);
            csv.Text(row.Strategy);
            csv.Integer(row.Replication);
            csv.SweepValues(row.Sweep);
            csv.Real(row.TimeS);
            csv.Integer(row.Server);
            csv.Real(row.CpuUtil);
            csv.Integer(row.HandshakesFull);
            csv.Integer(row.HandshakesResumed);
            csv.Real(row.ServiceMeanMs);
            csv.EndRow();
        }

        csv.Complete();
    }

    public static List<ServerRow> Read(string path)
    {
        using var csv = CsvTableReader.Open(path, Leading, Trailing);
        var rows = new List<ServerRow>();
        while (csv.Read())
        {
            var strategy = csv.NextText();
            var replication = csv.NextInt32();
            var sweep = csv.NextSweep();
            rows.Add(new ServerRow(strategy, replication, csv.NextReal(), csv.NextInt32(), csv.NextReal(), csv.NextInteger(), csv.NextInteger(), csv.NextReal()) { Sweep = sweep });
        }

        return rows;
    }
}
