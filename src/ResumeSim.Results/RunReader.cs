using System.Text;
using ResumeSim.Results.Csv;
using ResumeSim.Results.Files;
using ResumeSim.Results.Json;

namespace ResumeSim.Results;

/// <summary>Reads run folders written by <see cref="RunWriter"/> (for notebooks, plotting and merging).</summary>
public static class RunReader
{
    /// <summary>
    /// Reads every file of a run folder except <c>summary_ci.csv</c>, which is derived from the summary
    /// (use <see cref="ReadCi"/> or <see cref="ConfidenceIntervals.Summarize"/>).
    /// </summary>
    /// <exception cref="ResultsFormatException">A file is missing or malformed; the message names file, line and column.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static RunOutput Read(string runFolder)
    {
        ArgumentException.ThrowIfNullOrEmpty(runFolder);
        if (!Directory.Exists(runFolder))
        {
            throw new DirectoryNotFoundException($"The run folder '{runFolder}' does not exist.");
        }

        return new RunOutput
        {
            ScenarioYaml = ReadScenarioCopy(Path.Combine(runFolder, RunFiles.Scenario)),
            Manifest = ManifestJson.Read(Path.Combine(runFolder, RunFiles.Manifest)),
            Summary = SummaryCsv.Read(Path.Combine(runFolder, RunFiles.Summary)),
            Misses = MissesCsv.Read(Path.Combine(runFolder, RunFiles.Misses)),
            Timeseries = TimeseriesCsv.Read(Path.Combine(runFolder, RunFiles.Timeseries)),
            Latency = LatencyCsv.Read(Path.Combine(runFolder, RunFiles.Latency)),
            // Runs written before servers.csv existed have none: their per-server data is in timeseries.csv.
            Servers = File.Exists(Path.Combine(runFolder, RunFiles.Servers)) ? ServersCsv.Read(Path.Combine(runFolder, RunFiles.Servers)) : [],
        };
    }

    private static string ReadScenarioCopy(string path)
    {
        ResultFile.EnsureReadable(path, ResultFile.ScenarioLimit);
        try
        {
            // The scenario's sha256 in run.json is of these bytes: text that is not UTF-8 is not that file.
            return StrictUtf8.GetString(File.ReadAllBytes(path));
        }
        catch (DecoderFallbackException e)
        {
            throw new ResultsFormatException(path, 0, null, $"is not UTF-8 text (bad byte at offset {e.Index}).", e);
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads <c>run.json</c> of a run folder alone (what <c>compare</c> needs besides <c>summary_ci.csv</c>).</summary>
    /// <exception cref="ResultsFormatException">The file is missing or does not parse as a run manifest.</exception>
    public static RunManifest ReadManifest(string runFolder)
    {
        ArgumentException.ThrowIfNullOrEmpty(runFolder);
        return ManifestJson.Read(Path.Combine(runFolder, RunFiles.Manifest));
    }

    /// <summary>Reads <c>summary_ci.csv</c> of a run folder.</summary>
    /// <exception cref="ResultsFormatException">The file is missing or malformed.</exception>
    public static IReadOnlyList<CiRow> ReadCi(string runFolder)
    {
        ArgumentException.ThrowIfNullOrEmpty(runFolder);
        return CiCsv.Read(Path.Combine(runFolder, RunFiles.SummaryCi));
    }

    /// <summary>
    /// The newest finished run in a scenario folder: the greatest run-id folder name (run ids sort by
    /// start time) that holds a <c>run.json</c>. Hidden (temporary) folders are skipped; null when the
    /// folder does not exist or holds no finished run.
    /// </summary>
    public static string? FindLatest(string scenarioFolder)
    {
        ArgumentException.ThrowIfNullOrEmpty(scenarioFolder);
        if (!Directory.Exists(scenarioFolder))
        {
            return null;
        }

        return Directory.EnumerateDirectories(scenarioFolder)
            .Where(d => !Path.GetFileName(d).StartsWith('.'))
            .Where(d => File.Exists(Path.Combine(d, RunFiles.Manifest)))
            .OrderBy(d => Path.GetFileName(d), StringComparer.Ordinal)
            .LastOrDefault();
    }
}
