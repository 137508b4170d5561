using System.Globalization;
using ResumeSim.Results.Csv;
using ResumeSim.Results.Json;

namespace ResumeSim.Results;

/// <summary>
/// Writes a run folder atomically: every file goes into <c>&lt;outRoot&gt;/&lt;scenario&gt;/.&lt;runId&gt;.tmp</c>,
/// which is renamed to <c>&lt;outRoot&gt;/&lt;scenario&gt;/&lt;runId&gt;</c> only when all files are complete and
/// flushed to disk (DESIGN.md section 6: an interrupted run leaves no half folder). A rename within one
/// directory is atomic on POSIX file systems and NTFS, so readers see either no run or a whole run.
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
    /// <exception cref="IOException">The run folder (or its temporary folder) already exists.</exception>
    public static string Write(string outRoot, string scenarioName, string runId, RunOutput output, Func<string, IEnumerable<string>>? extraFiles = null) =>
        Write(outRoot, scenarioName, runId, output, afterFile: null, extraFiles);

    /// <summary>The write, with a hook called after each file (tests inject a failure there).</summary>
    internal static string Write(string outRoot, string scenarioName, string runId, RunOutput output, Action<string>? afterFile) =>
        Write(outRoot, scenarioName, runId, output, afterFile, extraFiles: null);

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
        string outRoot, string scenarioName, string runId, RunOutput output, Action<string>? afterFile, Func<string, IEnumerable<string>>? extraFiles)
    {
        ArgumentException.ThrowIfNullOrEmpty(outRoot);
        ValidateFolderName(scenarioName, nameof(scenarioName));
        ValidateFolderName(runId, nameof(runId));
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(output.ScenarioYaml, nameof(output));
        ArgumentNullException.ThrowIfNull(output.Manifest, nameof(output));
        var sweepKeys = SweepKeysOf(output);

        var scenarioFolder = Path.Combine(outRoot, scenarioName);
        var final = Path.Combine(scenarioFolder, runId);
        var temp = Path.Combine(scenarioFolder, "." + runId + ".tmp");
        if (Directory.Exists(final) || File.Exists(final))
        {
            throw new IOException($"The run folder '{final}' already exists; refusing to overwrite a finished run. Use a new run id.");
        }

        Directory.CreateDirectory(scenarioFolder);
        try
        {
            // Creating the temp folder is the lock: a second writer with the same id fails here.
            CreateNewDirectory(temp);
        }
        catch (IOException e)
        {
            throw new IOException(
                $"The temporary folder '{temp}' already exists: another writer is writing this run, or an earlier one was killed (then delete it).", e);
        }

        try
        {
            Step(temp, RunFiles.Scenario, path => TextFile.Write(path, output.ScenarioYaml), afterFile);
            Step(temp, RunFiles.Summary, path => SummaryCsv.Write(path, output.Summary, sweepKeys), afterFile);
            Step(temp, RunFiles.SummaryCi, path => CiCsv.Write(path, ConfidenceIntervals.Summarize(output.Summary), sweepKeys), afterFile);
            Step(temp, RunFiles.Misses, path => MissesCsv.Write(path, output.Misses, sweepKeys), afterFile);
            Step(temp, RunFiles.Timeseries, path => TimeseriesCsv.Write(path, output.Timeseries, sweepKeys), afterFile);
            Step(temp, RunFiles.Servers, path => ServersCsv.Write(path, output.Servers, sweepKeys), afterFile);
            Step(temp, RunFiles.Latency, path => LatencyCsv.Write(path, output.Latency, sweepKeys), afterFile);
            if (extraFiles is not null)
            {
                WriteExtras(temp, extraFiles);
            }

            // run.json last: a folder with a manifest is a finished run (RunReader.FindLatest relies on it).
            Step(temp, RunFiles.Manifest, path => ManifestJson.Write(path, output.Manifest), afterFile);
            Directory.Move(temp, final);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }

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

    private static void CreateNewDirectory(string path)
    {
        if (Directory.Exists(path) || File.Exists(path))
        {
            throw new IOException($"'{path}' exists.");
        }

        Directory.CreateDirectory(path);
    }

    private static void TryDelete(string temp)
    {
        try
        {
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, recursive: true);
            }
        }
        catch (IOException)
        {
            // The original exception matters more; a leftover hidden temp folder is reported by the next write.
        }
        catch (UnauthorizedAccessException)
        {
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
