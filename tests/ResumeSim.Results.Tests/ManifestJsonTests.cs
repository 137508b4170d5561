using System.Text.Json;
using ResumeSim.Results.Json;

namespace ResumeSim.Results.Tests;

/// <summary>
/// run.json is written by code System.Text.Json generates at compile time (ManifestJsonContext),
/// which must write the very text the reflection serializer wrote with the same options, so runs
/// written before and after compare byte for byte, and read what it wrote.
/// </summary>
public sealed class ManifestJsonTests
{
    public static TheoryData<string> Cases() => new(Manifests.Keys.Order(StringComparer.Ordinal));

    private static readonly Dictionary<string, RunManifest> Manifests = new()
    {
        ["sample"] = SampleRuns.Manifest(),
        ["shard, offset start, awkward doubles"] = SampleRuns.Manifest() with
        {
            Shard = new RunShard(3, 8),
            StartedUtc = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(-5)).AddTicks(1234567),
            WallSeconds = 1.0 / 3.0,
        },
        ["no scenario file, escapes"] = SampleRuns.Manifest() with
        {
            ScenarioFile = null,
            Scenario = "a.b_c-d",
            Strategies = ["only/one"],
            WallSeconds = 1e-7,
            Command = "resumesim run \"my <farm> & co\".yaml --set 'x=1+2' é\t\\",
            Machine = new MachineInfo("Debian GNU/Linux 13 (trixie)", "Arm64", 128, ".NET 10.0.7"),
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ToText_GeneratedCode_WritesTheReflectionSerializersTextWithTheSameOptions(string name)
    {
        var manifest = Manifests[name];

        var reflection = JsonSerializer.Serialize(manifest, ManifestJson.NewOptions()) + "\n";

        Assert.Equal(reflection, ManifestJson.ToText(manifest));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Read_WhatWriteWrote_ReturnsAnEqualManifest(string name)
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "run.json");
        var manifest = Manifests[name];

        ManifestJson.Write(path, manifest);

        Assert.Equal(manifest, ManifestJson.Read(path));
    }

    [Fact]
    public void Read_MissingSeed_IsAFormatErrorListingEveryKeyInSnakeCase()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "run.json");
        var text = ManifestJson.ToText(SampleRuns.Manifest()).Replace("  \"seed\": 18446744073709551615,\n", "", StringComparison.Ordinal);
        File.WriteAllText(path, text);

        var e = Assert.Throws<ResultsFormatException>(() => ManifestJson.Read(path));

        Assert.Contains(
            "expected a run manifest object with keys version, scenario, scenario_file, scenario_sha256, seed, replications, "
            + "strategies, sweep_points, started_utc, wall_seconds, machine, command, shard:",
            e.Message,
            StringComparison.Ordinal);
    }
}
