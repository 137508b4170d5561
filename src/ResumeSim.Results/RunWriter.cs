using System.Globalization;
using ResumeSim.Results.Csv;
using ResumeSim.Results.Json;

namespace ResumeSim.Results;

/// <summary>
/// Writes a run folder atomically: every file goes into <c>&lt;outRoot&gt;/&lt;scenario&gt;/.&lt;runId&gt;.tmp</c>,
/// which is renamed to <c>&lt;outRoot&gt;/&lt;scenario&gt;/&lt;runId&gt;</c> only when all files are complete and
/// flushed to disk (DESIGN.md section 6: an interrupted run leaves no half folder). A rename within one
/// directory is atomic on POSIX file systems and NTFS, so readers see either no run or a whole run.
/// The run id is claimed first with a lock file (<see cref="RunLock"/>), so concurrent writers never
/// share a folder, and a killed writer's leftovers can be told from a live one's (<see cref="StaleRunFolders"/>).
/// </summary>
public static class RunWriter
{
    private static readonly string[] FixedColumns = SummaryCsv.Leading
        .Concat(SummaryCsv.Trailing).Concat(MissesCsv.Trailing).Concat(TimeseriesCsv.Trailing).Concat(ServersCsv.Trailing)
        .Concat(LatencyCsv.Trailing).Concat(CiCsv.Trailing).Distinct().ToArray();

    /// <summary>Writes <paramref name="output"/> and returns the final run folder.</summary>
    /// <param name="outRoot">The results root.</param>
    /// <param name="scenarioName">The scenario folder name.</param>
    /// <param name="runId">The run folder name.</param>
    /// <param name="output">The tables.</param>
    /// <param name="extraFiles">
    /// Optional: writes more files (charts) into the temporary run folder it is given, after the tables
    /// and before <c>run.json</c>, and returns their paths; each is flushed to disk before the rename, so
    /// they are part of the atomic write. If it throws, nothing is left behind.
    /// </param>
    /// <exception cref="ArgumentException">The scenario name or run id is not a safe folder name, or rows are inconsistent
    /// (empty strategy, different sweep keys, a sweep key that is also a fixed column name).</exception>
    /// <exception cref="IOException">The run folder already exists, another writer holds its id, or a temporary folder without a lock is in the way.</exception>
    public static string Write(string outRoot, string scenarioName, string runId, RunOutput output, Func<string, IEnumerable<string>>? extraFiles = null) =>
        Write(outRoot, scenarioName, _ => runId, 1, output, afterFile: null, extraFiles is null ? null : (temp, _) => extraFiles(temp), default);

    /// <summary>
    /// Writes <paramref name="output"/> under the first free run id of <c>runIds(1)</c>, <c>runIds(2)</c>, ...
    /// (at most <see cref="MaxRunIdAttempts"/>), so that runs started in the same second with the same
    /// seed each get their own folder. <paramref name="extraFiles"/> is given the temporary folder and
    /// the run id taken. When <paramref name="cancel"/> is signalled before the final rename, the
    /// temporary folder is deleted and <see cref="OperationCanceledException"/> thrown; after it, the run
    /// is complete and the write returns.
    /// </summary>
    public static string Write(
        string outRoot, string scenarioName, Func<int, string> runIds, RunOutput output,
        Func<string, string, IEnumerable<string>>? extraFiles, CancellationToken cancel) =>
        Write(outRoot, scenarioName, runIds, MaxRunIdAttempts, output, afterFile: null, extraFiles, cancel);

    /// <summary>The write, with a hook called after each file (tests inject a failure there).</summary>
    internal static string Write(string outRoot, string scenarioName, string runId, RunOutput output, Action<string>? afterFile) =>
        Write(outRoot, scenarioName, _ => runId, 1, output, afterFile, extraFiles: null, default);

    /// <summary>How many run ids one write tries before giving up.</summary>
    public const int MaxRunIdAttempts = 100;

    /// <summary>
    /// A sortable run id from the wall-clock start and the seed, for example <c>20261127-083015-s1</c>.
    /// The CLI passes the clock; this library never reads one.
    /// </summary>
    public static string NewRunId(DateTimeOffset startedUtc, ulong seed) =>
        startedUtc.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)
        + "-s" + seed.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Throws <see cref="ArgumentException"/> unless <paramref name="name"/> is a safe single folder name:
    /// letters, digits, '-', '_' and '.', not starting with '.' (which also rules out "." and "..", and
    /// keeps run folders apart from the hidden temporary ones).
    /// </summary>
    public static void ValidateFolderName(string name, string paramName)
    {
        ArgumentNullException.ThrowIfNull(name, paramName);
        var problem =
            name.Length == 0 ? "is empty" :
            name.Length > 200 ? "is longer than 200 characters" :
            name[0] == '.' ? "starts with '.' (hidden folders and '..' are not allowed)" :
            name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
                ? "contains a character other than ASCII letters, digits, '-', '_' and '.' (no path separators or spaces)"
                : null;
        if (problem is not null)
        {
            throw new ArgumentException($"'{name}' is not a safe folder name: it {problem}.", paramName);
        }
    }

    private static string Write(
        string outRoot, string scenarioName, Func<int, string> runIds, int attempts, RunOutput output, Action<string>? afterFile,
        Func<string, string, IEnumerable<string>>? extraFiles, CancellationToken cancel)
    {
        ArgumentException.ThrowIfNullOrEmpty(outRoot);
        ValidateFolderName(scenarioName, nameof(scenarioName));
        ValidateFolderName(runIds(1), "runId");
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(output.ScenarioYaml, nameof(output));
        ArgumentNullException.ThrowIfNull(output.Manifest, nameof(output));
        var sweepKeys = SweepKeysOf(output);

        var scenarioFolder = Path.Combine(outRoot, scenarioName);
        cancel.ThrowIfCancellationRequested();
        Directory.CreateDirectory(scenarioFolder);
        var runId = Claim(scenarioFolder, runIds, attempts);
        var final = Path.Combine(scenarioFolder, runId);
        var temp = RunLock.TempPath(scenarioFolder, runId);
        try
        {
            Directory.CreateDirectory(temp);
            afterFile += _ => cancel.ThrowIfCancellationRequested();
            Step(temp, RunFiles.Scenario, path => TextFile.Write(path, output.ScenarioYaml), afterFile);
            Step(temp, RunFiles.Summary, path => SummaryCsv.Write(path, output.Summary, sweepKeys), afterFile);
            Step(temp, RunFiles.SummaryCi, path => CiCsv.Write(path, ConfidenceIntervals.Summarize(output.Summary), sweepKeys), afterFile);
            Step(temp, RunFiles.Misses, path => MissesCsv.Write(path, output.Misses, sweepKeys), afterFile);
            Step(temp, RunFiles.Timeseries, path => TimeseriesCsv.Write(path, output.Timeseries, sweepKeys), afterFile);
            Step(temp, RunFiles.Servers, path => ServersCsv.Write(path, output.Servers, sweepKeys), afterFile);
            Step(temp, RunFiles.Latency, path => LatencyCsv.Write(path, output.Latency, sweepKeys), afterFile);
            if (extraFiles is not null)
            {
                WriteExtras(temp, folder => extraFiles(folder, runId));
                cancel.ThrowIfCancellationRequested();
            }

            // run.json last: a folder with a manifest is a finished run (RunReader.FindLatest relies on it).
            Step(temp, RunFiles.Manifest, path => ManifestJson.Write(path, output.Manifest), afterFile);
            Directory.Move(temp, final);
        }
        catch
        {
            if (TryDelete(temp))
            {
                RunLock.Release(scenarioFolder, runId);
            }

            throw;
        }

        RunLock.Release(scenarioFolder, runId);
        return final;
    }

    private static void Step(string folder, string file, Action<string> write, Action<string>? afterFile)
    {
        var path = Path.Combine(folder, file);
        write(path);
        afterFile?.Invoke(path);
    }

    private static void WriteExtras(string temp, Func<string, IEnumerable<string>> extraFiles)
    {
        var root = Path.GetFullPath(temp) + Path.DirectorySeparatorChar;
        foreach (var file in extraFiles(temp))
        {
            var full = Path.GetFullPath(file);
            if (!full.StartsWith(root, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"An extra file '{file}' was written outside the run folder '{temp}'.");
            }

            // The writer flushed the tables itself; files written by someone else are flushed here.
            using var stream = new FileStream(full, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            stream.Flush(flushToDisk: true);
        }
    }

    private static string Claim(string scenarioFolder, Func<int, string> runIds, int attempts)
    {
        var whyNot = "";
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            var runId = runIds(attempt);
            ValidateFolderName(runId, "runId");
            if (RunLock.TryClaim(scenarioFolder, runId, out whyNot))
            {
                return runId;
            }
        }

        throw new IOException(attempts == 1 ? whyNot : $"No free run id in '{scenarioFolder}' after {attempts} tries; the last: {whyNot}");
    }

    private static bool TryDelete(string temp)
    {
        try
        {
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, recursive: true);
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The original exception matters more; the lock is then kept, and the next writer removes
            // the temporary folder once this process has ended (StaleRunFolders).
            return false;
        }
    }

    /// <summary>The run's sweep keys: those of the first row of any table, checked for usable column names.</summary>
    private static SweepCells SweepKeysOf(RunOutput output)
    {
        ArgumentNullException.ThrowIfNull(output.Summary, nameof(output));
        ArgumentNullException.ThrowIfNull(output.Misses, nameof(output));
        ArgumentNullException.ThrowIfNull(output.Timeseries, nameof(output));
        ArgumentNullException.ThrowIfNull(output.Latency, nameof(output));
        ArgumentNullException.ThrowIfNull(output.Servers, nameof(output));
        var first = output.Summary.Select(r => r.Sweep)
            .Concat(output.Misses.Select(r => r.Sweep))
            .Concat(output.Timeseries.Select(r => r.Sweep))
            .Concat(output.Latency.Select(r => r.Sweep))
            .Concat(output.Servers.Select(r => r.Sweep))
            .FirstOrDefault();
        var keys = SweepCells.From(first);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cell in keys)
        {
            if (string.IsNullOrEmpty(cell.Key) || cell.Value is null)
            {
                throw new ArgumentException("A sweep cell has an empty key or a null value.", nameof(output));
            }

            if (FixedColumns.Contains(cell.Key, StringComparer.Ordinal))
            {
                throw new ArgumentException($"The sweep key '{cell.Key}' is also a fixed column name.", nameof(output));
            }

            if (!seen.Add(cell.Key))
            {
                throw new ArgumentException($"The sweep key '{cell.Key}' appears twice.", nameof(output));
            }
        }

        return SweepCells.From(keys.Select(c => c with { Value = "" }));
    }
}
