using System.Text.Json.Serialization;

namespace ResumeSim.Results.Json;

/// <summary>
/// Serialisation code for <c>run.json</c>, generated at compile time. Reflection-based
/// System.Text.Json compiled several hundred methods at run time on every <c>resumesim run</c>
/// (docs/performance.md, "Start-up of <c>run</c>") and is unavailable in a Native AOT build. The
/// options (key names, indentation, escaping) are those of <see cref="ManifestJson"/>, passed to
/// the constructor, so the text is the same as the reflection serializer wrote.
/// </summary>
[JsonSerializable(typeof(RunManifest))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;
