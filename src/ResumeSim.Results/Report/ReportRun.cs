namespace ResumeSim.Results.Report;

/// <summary>
/// One run as a report shows it: its tables (read through <see cref="RunReader"/>), the mean and
/// 95% interval of every metric (<c>summary_ci.csv</c>) and a label naming where it came from.
/// </summary>
public sealed class ReportRun
{
    private readonly Dictionary<(string Strategy, SweepCells Sweep, string Metric), CiRow> _byKey = [];

    private ReportRun(string label, RunOutput output, IReadOnlyList<CiRow> ci)
    {
        Label = label;
        Output = output;
        Ci = ci;
        foreach (var row in ci)
        {
            _byKey.TryAdd((row.Strategy, SweepCells.From(row.Sweep), row.Metric), row);
        }
    }

    /// <summary>Where the run came from: its folder as given, or its run id.</summary>
    public string Label { get; }

    /// <summary>The run's tables.</summary>
    public RunOutput Output { get; }

    /// <summary>The <c>summary_ci.csv</c> rows.</summary>
    public IReadOnlyList<CiRow> Ci { get; }

    /// <summary>
    /// Reads a finished run folder. A folder without <c>run.json</c> is not a run (a run writes it last);
    /// every table is checked by the readers, so a tampered file fails here, naming file, line and column.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="ResultsFormatException">A file is missing or malformed.</exception>
    public static ReportRun Load(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"'{folder}' does not exist or is not a folder.");
        }

        var manifest = Path.Combine(folder, RunFiles.Manifest);
        if (!File.Exists(manifest))
        {
            throw new ResultsFormatException(
                manifest, 0, null, $"the file is missing, so '{folder}' is not a finished run folder (results/<scenario>/<run-id>, which holds {RunFiles.Manifest}, {RunFiles.Summary} and {RunFiles.SummaryCi}).");
        }

        return new ReportRun(Path.TrimEndingDirectorySeparator(folder), RunReader.Read(folder), RunReader.ReadCi(folder));
    }

    /// <summary>A run still in memory (the <c>run</c> command, before its folder is renamed into place).</summary>
    public static ReportRun FromOutput(string label, RunOutput output)
    {
        ArgumentException.ThrowIfNullOrEmpty(label);
        ArgumentNullException.ThrowIfNull(output);
        return new ReportRun(label, output, ConfidenceIntervals.Summarize(output.Summary));
    }

    /// <summary>The (strategy, sweep point) groups in the order of their first row in <c>summary.csv</c>.</summary>
    internal IReadOnlyList<(string Strategy, SweepCells Sweep)> Groups() =>
        Output.Summary.Select(r => (r.Strategy, SweepCells.From(r.Sweep))).Distinct().ToList();

    /// <summary>The sweep keys of the run (none without a sweep).</summary>
    internal IReadOnlyList<string> SweepKeys() =>
        Output.Summary.Count == 0 ? [] : Output.Summary[0].Sweep.Select(c => c.Key).ToList();

    /// <summary>The interval row of one group and metric, or null when summary_ci.csv has none.</summary>
    internal CiRow? Find(string strategy, SweepCells sweep, string metric) =>
        _byKey.TryGetValue((strategy, sweep, metric), out var row) ? row : null;
}
