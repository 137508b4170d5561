using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ResumeSim.Results.Files;

namespace ResumeSim.Results.Json;

/// <summary>
/// <c>run.json</c> through System.Text.Json's generated code (<see cref="ManifestJsonContext"/>):
/// snake_case keys in <see cref="RunManifest"/>'s property order (stable), two-space indentation,
/// "\n" line ends, UTF-8 without BOM, a final newline.
/// Reading requires every key (a manifest without a seed is not a manifest) and ignores unknown
/// keys, so a newer ResumeSim may add keys without breaking older readers.
/// </summary>
internal static class ManifestJson
{
    /// <summary>The options of <c>run.json</c>; <see cref="ManifestJsonContext"/> generates the code for them.</summary>
    internal static JsonSerializerOptions NewOptions() => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NewLine = "\n",
        // Not embedded in HTML: keep quotes and '+' in command lines readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    private static readonly JsonTypeInfo<RunManifest> Manifest = new ManifestJsonContext(NewOptions()).RunManifest;

    public static string ToText(RunManifest manifest) => JsonSerializer.Serialize(manifest, Manifest) + "\n";

    public static void Write(string path, RunManifest manifest) => TextFile.Write(path, ToText(manifest));

    public static RunManifest Read(string path)
    {
        ResultFile.EnsureReadable(path, ResultFile.ManifestLimit);
        try
        {
            using var stream = File.OpenRead(path);
            var manifest = JsonSerializer.Deserialize(stream, Manifest)
                ?? throw new ResultsFormatException(path, 1, null, "expected a JSON object, found null.");
            ManifestChecks.Check(path, manifest);
            return manifest;
        }
        catch (JsonException e)
        {
            // JsonException counts lines from 0.
            var line = e.LineNumber is long l ? l + 1 : 0;
            throw new ResultsFormatException(
                path, line, e.Path, "expected a run manifest object with keys " + ExpectedKeys() + ": " + e.Message, e);
        }
    }

    private static string ExpectedKeys() => string.Join(", ", Manifest.Properties.Select(p => p.Name));
}
