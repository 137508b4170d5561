namespace ResumeSim.Results.Csv;

/// <summary><c>misses.csv</c>: <c>strategy, replication, [sweep columns], reason, count</c>.</summary>
internal static class MissesCsv
{
    public static readonly string[] Leading = ["strategy", "replication"];
    public static readonly string[] Trailing = ["reason", "count"];

    public static void Write(string path, IReadOnlyList<MissRow> rows, SweepCells sweepKeys)
    {
        using var csv = CsvTableWriter.Create(path);
        csv.Header(Leading, sweepKeys, Trailing);
        foreach (var row in rows)
        {
            RowChecks.Check(RunFiles.Misses, row.Strategy, row.Sweep, sweepKeys);
            if (string.IsNullOrEmpty(row.Reason))
            {
                throw new ArgumentException($"{RunFiles.Misses}: strategy '{row.Strategy}' has a row without a reason.");
            }

            csv.Text(row.Strategy);
            csv.Integer(row.Replication);
            csv.SweepValues(row.Sweep);
            csv.Text(row.Reason);
            csv.Integer(row.Count);
            csv.EndRow();
        }

        csv.Complete();
    }

    public static List<MissRow> Read(string path)
    {
        using var csv = CsvTableReader.Open(path, Leading, Trailing);
        var rows = new List<MissRow>();
        while (csv.Read())
        {
            var strategy = csv.NextText();
            var replication = csv.NextInt32();
            var sweep = csv.NextSweep();
            rows.Add(new MissRow(strategy, replication, csv.NextText(), csv.NextInteger()) { Sweep = sweep });
        }

        return rows;
    }
}
