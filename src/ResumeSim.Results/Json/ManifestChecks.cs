using System.Globalization;
using System.Text.RegularExpressions;

namespace ResumeSim.Results.Json;

/// <summary>
/// What a run.json must hold beyond its JSON shape. Its names become folder names and chart titles
/// (the scenario name is the folder under the results root, strategy names are CSV values), so a
/// manifest from elsewhere is held to the rule the scenario loader applies to the names it accepts.
/// </summary>
internal static partial class ManifestChecks
{
    private const int TextLimit = 65536;
    private const int StrategyNameLimit = 100;

    public static void Check(string path, RunManifest manifest)
    {
        Name(path, "$.scenario", manifest.Scenario);
        // Strategy names are CSV values and chart labels, never paths: the CSV writer quotes what needs it.
        for (var i = 0; i < manifest.Strategies.Count; i++)
        {
            Text(path, $"$.strategies[{i}]", manifest.Strategies[i], StrategyNameLimit);
        }

        if (manifest.Strategies.Count == 0)
        {
            Fail(path, "$.strategies", "a run has at least one strategy.");
        }

        if (!Sha256Hex().IsMatch(manifest.ScenarioSha256))
        {
            Fail(path, "$.scenario_sha256", $"{Excerpt(manifest.ScenarioSha256)} is not a SHA-256 (64 lower-case hex digits).");
        }

        if (manifest.Replications < 1 || manifest.SweepPoints < 1)
        {
            Fail(path, manifest.Replications < 1 ? "$.replications" : "$.sweep_points", "must be at least 1.");
        }

        Text(path, "$.version", manifest.Version, TextLimit);
        Text(path, "$.command", manifest.Command, TextLimit);
        if (manifest.ScenarioFile is { } file)
        {
            Text(path, "$.scenario_file", file, TextLimit);
        }
    }

    /// <summary>At most 40 characters of a bad value, control characters shown as '?'.</summary>
    public static string Excerpt(string value)
    {
        var shown = new string([.. value.Take(40).Select(c => char.IsControl(c) ? '?' : c)]);
        return "'" + shown + (value.Length > 40 ? $"...' ({value.Length.ToString(CultureInfo.InvariantCulture)} characters)" : "'");
    }

    private static void Name(string path, string field, string name)
    {
        if (!SafeName().IsMatch(name) || name is "." or "..")
        {
            Fail(path, field, $"{Excerpt(name)} is not a name of 1 to 100 letters, digits, '-', '_' and '.' (not '.' or '..').");
        }
    }

    private static void Text(string path, string field, string text, int limit)
    {
        // A tab is a character a command line may hold; other control characters (escape sequences)
        // would act on the terminal that prints them.
        if (text.Length == 0 || text.Length > limit || text.Any(c => char.IsControl(c) && c != '\t'))
        {
            Fail(path, field, $"{Excerpt(text)} is empty, longer than {limit:N0} characters, or holds control characters.");
        }
    }

    private static void Fail(string path, string field, string problem) =>
        throw new ResultsFormatException(path, 0, field, problem);

    // \z, not $: $ also matches before a final newline, which would let "name\n" through.
    [GeneratedRegex(@"^[A-Za-z0-9_.-]{1,100}\z")]
    private static partial Regex SafeName();

    [GeneratedRegex(@"^[0-9a-f]{64}\z")]
    private static partial Regex Sha256Hex();
}
