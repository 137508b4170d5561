namespace ResumeSim.Results.Csv;

/// <summary>
/// <c>summary_ci.csv</c>: <c>strategy, [sweep columns], metric, n, mean, stddev, ci95_low, ci95_high</c>.
/// </summary>
internal static class CiCsv
{
    public static readonly string[] Leading = ["strategy"];
    public static readonly string[] Trailing = ["metric", "n", "mean", "stddev", "ci95_low", "ci95_high"];

    public static void Write(string path, IReadOnlyList<CiRow> rows, SweepCells sweepKeys)
    {
        using var csv = CsvTableWriter.Create(path);
        csv.Header(Leading, sweepKeys, Trailing);
        foreach (var row in rows)
        {
            RowChecks.Check(RunFiles.SummaryCi, row.Strategy, row.Sweep, sweepKeys);
            csv.Text(row.Strategy);
            csv.SweepValues(row.Sweep);
            csv.Text(row.Metric);
            csv.Integer(row.N);
            csv.Real(row.Mean);
            csv.Real(row.StdDev);
            csv.Real(row.Ci95Low);
            csv.Real(row.Ci95High);
            csv.EndRow();
        }

        csv.Complete();
    }

    public static List<CiRow> Read(string path)
    {
        using var csv = CsvTableReader.Open(path, Leading, Trailing);
        var rows = new List<CiRow>();
        while (csv.Read())
        {
            var strategy = csv.NextText();
            var sweep = csv.NextSweep();
            rows.Add(new CiRow(strategy, sweep, csv.NextText(), csv.NextInt32(), csv.NextReal(), csv.NextReal(), csv.NextReal(), csv.NextReal()));
        }

        return rows;
    }
}
