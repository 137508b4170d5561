using System.Text;

namespace ResumeSim.Results.Report;

/// <summary>
/// Two runs' <c>summary_ci.csv</c> side by side: for every strategy, sweep point and metric both runs
/// have, the two means with their 95% intervals, B - A, and whether that difference lies outside both
/// intervals. Runs of different scenarios are compared only where strategy, sweep point and metric
/// names match, and <see cref="Notes"/> says so.
/// </summary>
public sealed class RunComparison
{
    private RunComparison(string labelA, RunManifest a, string labelB, RunManifest b, IReadOnlyList<ComparisonRow> rows, IReadOnlyList<string> notes)
    {
        LabelA = labelA;
        A = a;
        LabelB = labelB;
        B = b;
        Rows = rows;
        Notes = notes;
    }

    /// <summary>Where run A came from (its folder as given).</summary>
    public string LabelA { get; }

    /// <summary>Run A's <c>run.json</c>.</summary>
    public RunManifest A { get; }

    /// <summary>Where run B came from.</summary>
    public string LabelB { get; }

    /// <summary>Run B's <c>run.json</c>.</summary>
    public RunManifest B { get; }

    /// <summary>Same scenario name and the same scenario file bytes (seeds and replications may differ).</summary>
    public bool SameScenario => A.Scenario == B.Scenario && A.ScenarioSha256 == B.ScenarioSha256;

    /// <summary>The matched metrics, in A's order.</summary>
    public IReadOnlyList<ComparisonRow> Rows { get; }

    /// <summary>Whether the scenarios match, and what only one run has.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Matches the two runs' interval rows by strategy, sweep point and metric name.</summary>
    public static RunComparison Of(string labelA, RunManifest a, IReadOnlyList<CiRow> ciA, string labelB, RunManifest b, IReadOnlyList<CiRow> ciB)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var inB = new Dictionary<(string, SweepCells, string), CiRow>();
        foreach (var row in ciB)
        {
            inB.TryAdd((row.Strategy, SweepCells.From(row.Sweep), row.Metric), row);
        }

        var rows = new List<ComparisonRow>();
        foreach (var row in ciA)
        {
            var sweep = SweepCells.From(row.Sweep);
            if (inB.TryGetValue((row.Strategy, sweep, row.Metric), out var other))
            {
                rows.Add(new ComparisonRow(row.Strategy, sweep, row.Metric, row, other));
            }
        }

        var notes = new List<string>();
        if (a.Scenario == b.Scenario && a.ScenarioSha256 == b.ScenarioSha256)
        {
            notes.Add($"Same scenario: {a.Scenario} (scenario.yaml sha256 {Short(a.ScenarioSha256)}).");
        }
        else
        {
            notes.Add($"Different scenarios: A is {a.Scenario} (sha256 {Short(a.ScenarioSha256)}), B is {b.Scenario} (sha256 {Short(b.ScenarioSha256)}); "
                + "only strategies, sweep points and metrics with the same names in both are compared.");
        }

        AddOnlyIn(notes, "A", Groups(ciA).Except(Groups(ciB)));
        AddOnlyIn(notes, "B", Groups(ciB).Except(Groups(ciA)));
        var metricsA = ciA.Select(r => r.Metric).Distinct().ToList();
        var metricsB = ciB.Select(r => r.Metric).Distinct().ToList();
        if (metricsA.Except(metricsB).ToList() is { Count: > 0 } onlyA)
        {
            notes.Add("Metrics only in A: " + string.Join(", ", onlyA) + ".");
        }

        if (metricsB.Except(metricsA).ToList() is { Count: > 0 } onlyB)
        {
            notes.Add("Metrics only in B: " + string.Join(", ", onlyB) + ".");
        }

        if (rows.Count == 0)
        {
            notes.Add("Nothing to compare: no strategy and metric appears in both runs.");
        }

        return new RunComparison(labelA, a, labelB, b, rows, notes);
    }

    /// <summary>Reads both runs' <c>run.json</c> and <c>summary_ci.csv</c>.</summary>
    /// <exception cref="ResultsFormatException">A file is missing or malformed.</exception>
    /// <exception cref="DirectoryNotFoundException">A folder does not exist.</exception>
    public static RunComparison Load(string folderA, string folderB)
    {
        var (a, ciA) = Read(folderA);
        var (b, ciB) = Read(folderB);
        return Of(folderA, a, ciA, folderB, b, ciB);
    }

    /// <summary>The comparison as <c>resumesim compare</c> prints it: the runs, the notes, then an aligned table.</summary>
    public string ToText(IReadOnlyCollection<string>? metrics = null)
    {
        var text = new StringBuilder();
        text.Append("A: ").Append(LabelA).Append(" (").Append(Describe(A)).Append(")\n");
        text.Append("B: ").Append(LabelB).Append(" (").Append(Describe(B)).Append(")\n");
        foreach (var note in Notes)
        {
            text.Append(note).Append('\n');
        }

        var shown = Rows.Where(r => metrics is null || metrics.Contains(r.Metric)).ToList();
        if (shown.Count == 0)
        {
            return text.ToString();
        }

        var sweeps = shown.Any(r => r.Sweep.Count > 0);
        var table = new List<string[]>
        {
            sweeps
                ? ["strategy", "sweep", "metric", "A mean", "A 95% CI", "B mean", "B 95% CI", "B - A", "outside both CIs"]
                : ["strategy", "metric", "A mean", "A 95% CI", "B mean", "B 95% CI", "B - A", "outside both CIs"],
        };
        foreach (var row in shown)
        {
            var unit = ReportMetric.UnitOf(row.Metric);
            string[] cells =
            [
                row.Metric, ReportFormat.Display(row.A.Mean, unit), Interval(row.A, unit), ReportFormat.Display(row.B.Mean, unit), Interval(row.B, unit),
                ReportFormat.Difference(row.Difference, unit), row.VerdictText,
            ];
            table.Add(sweeps ? [row.Strategy, row.Sweep.ToString(), .. cells] : [row.Strategy, .. cells]);
        }

        text.Append('\n');
        var widths = Enumerable.Range(0, table[0].Length).Select(i => table.Max(r => r[i].Length)).ToArray();
        var firstNumber = sweeps ? 3 : 2;
        foreach (var line in table)
        {
            var cells = line.Select((cell, i) => i >= firstNumber && i < line.Length - 1 ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]));
            text.Append(string.Join("  ", cells).TrimEnd()).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>"low .. high", or "-" without an interval (fewer than two replications with a value).</summary>
    internal static string Interval(CiRow row, ReportUnit unit) =>
        row.N < 2 ? "-" : ReportFormat.Display(row.Ci95Low, unit) + " .. " + ReportFormat.Display(row.Ci95High, unit);

    internal static string Describe(RunManifest m) =>
        $"{m.Scenario}, seed {m.Seed}, {m.Replications} replication{(m.Replications == 1 ? "" : "s")}, started {m.StartedUtc.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC";

    private static (RunManifest, IReadOnlyList<CiRow>) Read(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"'{folder}' does not exist or is not a folder.");
        }

        var manifest = Path.Combine(folder, RunFiles.Manifest);
        if (!File.Exists(manifest))
        {
            throw new ResultsFormatException(manifest, 0, null, $"the file is missing, so '{folder}' is not a finished run folder.");
        }

        return (RunReader.ReadManifest(folder), RunReader.ReadCi(folder));
    }

    private static IEnumerable<(string, SweepCells)> Groups(IReadOnlyList<CiRow> ci) =>
        ci.Select(r => (r.Strategy, SweepCells.From(r.Sweep))).Distinct();

    private static void AddOnlyIn(List<string> notes, string run, IEnumerable<(string Strategy, SweepCells Sweep)> groups)
    {
        foreach (var (strategy, sweep) in groups)
        {
            notes.Add($"Only in {run}: strategy {strategy}{(sweep.Count > 0 ? " at " + sweep : "")}.");
        }
    }

    private static string Short(string sha) => sha.Length > 12 ? sha[..12] : sha;
}
