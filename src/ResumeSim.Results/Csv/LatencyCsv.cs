namespace ResumeSim.Results.Csv;

/// <summary>
/// <c>latency.csv</c>: <c>strategy, replication, [sweep columns], metric, upper_ms, count, cumulative_fraction</c>.
/// </summary>
internal static class LatencyCsv
{
    public static readonly string[] Leading = ["strategy", "replication"];
    public static readonly string[] Trailing = ["metric", "upper_ms", "count", "cumulative_fraction"];

    public static void Write(string path, IReadOnlyList<LatencyRow> rows, SweepCells sweepKeys)
    {
        using var csv = CsvTableWriter.Create(path);
        csv.Header(Leading, sweepKeys, Trailing);
        foreach (var row in rows)
        {
            RowChecks.Check(RunFiles.Latency, row.Strategy, row.Sweep, sweepKeys);
            if (string.IsNullOrEmpty(row.Metric))
            {
                throw new ArgumentException($"{RunFiles.Latency}: strategy '{row.Strategy}' has a row without a metric.");
            }

            csv.Text(row.Strategy);
            csv.Integer(row.Replication);
            csv.SweepValues(row.Sweep);
            csv.Text(row.Metric);
            csv.Real(row.UpperMs);
            csv.Integer(row.Count);
            csv.Real(row.CumulativeFraction);
            csv.EndRow();
        }

        csv.Complete();
    }

    public static List<LatencyRow> Read(string path)
    {
        using var csv = CsvTableReader.Open(path, Leading, Trailing);
        var rows = new List<LatencyRow>();
        while (csv.Read())
        {
            var strategy = csv.NextText();
            var replication = csv.NextInt32();
            var sweep = csv.NextSweep();
            rows.Add(new LatencyRow(strategy, replication, csv.NextText(), csv.NextReal(), csv.NextInteger(), csv.NextReal())
            {
                Sweep = sweep,
            });
        }

        return rows;
    }
}
