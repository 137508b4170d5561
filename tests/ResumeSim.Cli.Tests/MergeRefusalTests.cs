using System.Text.Json.Nodes;

namespace ResumeSim.Cli.Tests;

/// <summary>
/// merge refuses, with exit 2 and nothing written, a set of shards that is not one whole sweep and
/// run.json values that are not what ResumeSim writes; each message names what is wrong.
/// </summary>
public sealed class MergeRefusalTests(ShardRunsFixture shards) : IClassFixture<ShardRunsFixture>
{
    private static readonly string[] Tables = ["summary.csv", "summary_ci.csv", "misses.csv", "timeseries.csv", "servers.csv", "latency.csv"];

    [Fact]
    public void Merge_WithAShardMissing_NamesTheMissingShard()
    {
        using var temp = new TempFolder();

        var (exit, stderr, outDir) = Merge(temp, shards.Thirds[0], shards.Thirds[2]);

        Assert.Equal(2, exit);
        Assert.Equal("error: cannot merge: the shards are incomplete: 2 of 3 are here; missing shard 2 (of 3)" + Environment.NewLine, stderr);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Merge_OutPathUnderAFile_IsRefusedBeforeReadingTheTables()
    {
        using var temp = new TempFolder();
        var file = Path.Combine(temp.Path, "a-file");
        File.WriteAllText(file, "x");

        var (exit, _, stderr) = CliRunner.Run("merge", "--out", file, shards.OneOfTwo, shards.TwoOfTwo);

        Assert.Equal(2, exit);
        Assert.Contains($"error: --out {file}: ", stderr);
        Assert.Contains("nothing was merged", stderr);
        Assert.Equal("x", File.ReadAllText(file));
    }

    [Fact]
    public void Merge_EmptyOutPath_IsAUsageError()
    {
        var (exit, _, stderr) = CliRunner.Run("merge", "--out", "", shards.OneOfTwo, shards.TwoOfTwo);

        Assert.Equal(2, exit);
        Assert.Contains("--out: the path is empty", stderr);
    }

    [Fact]
    public void Merge_WithTwoShardsMissing_NamesBoth()
    {
        using var temp = new TempFolder();

        var (exit, stderr, _) = Merge(temp, shards.Thirds[1]);

        Assert.Equal(2, exit);
        Assert.Contains("missing 2 shards: 1, 3 (of 3)", stderr);
    }

    [Fact]
    public void Merge_SameShardInTwoFolders_NamesBothFolders()
    {
        using var temp = new TempFolder();
        var copy = ShardRunsFixture.CopyShard(shards.OneOfTwo, Path.Combine(temp.Path, "copy"));

        var (exit, stderr, outDir) = Merge(temp, shards.OneOfTwo, shards.TwoOfTwo, copy);

        Assert.Equal(2, exit);
        Assert.Equal($"error: cannot merge: shard 1/2 is in two folders: {shards.OneOfTwo} and {copy}" + Environment.NewLine, stderr);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Merge_SameFolderTwice_SaysItIsGivenTwice()
    {
        using var temp = new TempFolder();

        var (exit, stderr, _) = Merge(temp, shards.OneOfTwo, shards.OneOfTwo);

        Assert.Equal(2, exit);
        Assert.Equal($"error: cannot merge: shard 1/2 is given twice: {shards.OneOfTwo}" + Environment.NewLine, stderr);
    }

    [Fact]
    public void Merge_ShardsOfDifferentSeeds_NamesTheFieldAndBothValues()
    {
        using var temp = new TempFolder();

        var (exit, stderr, outDir) = Merge(temp, shards.OneOfTwo, shards.TwoOfTwoSeed77);

        Assert.Equal(2, exit);
        Assert.Equal(
            $"error: cannot merge: the shards are not of one sweep: seed is 3 in {shards.OneOfTwo} but 77 in {shards.TwoOfTwoSeed77}" + Environment.NewLine,
            stderr);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Merge_ShardsOfDifferentShardCounts_NamesBothCounts()
    {
        using var temp = new TempFolder();

        var (exit, stderr, _) = Merge(temp, shards.OneOfTwo, shards.Thirds[1], shards.Thirds[2]);

        Assert.Equal(2, exit);
        Assert.Equal(
            $"error: cannot merge: the shards are not of one sweep: the shard count is 2 in {shards.OneOfTwo} (1/2) but 3 in {shards.Thirds[1]} (2/3)" + Environment.NewLine,
            stderr);
    }

    [Theory]
    [InlineData("scenario", "other-scenario", "scenario is cli-small in {0} but other-scenario in {1}")]
    [InlineData("scenario_sha256", "0000000000000000000000000000000000000000000000000000000000000000", "scenario_sha256 is {2} in {0} but 0000000000000000000000000000000000000000000000000000000000000000 in {1}")]
    [InlineData("version", "0.2.0", "version is 0.1.0 in {0} but 0.2.0 in {1}")]
    [InlineData("replications", 3, "replications is 2 in {0} but 3 in {1}")]
    public void Merge_ShardsThatDisagreeInRunJson_NameTheFieldAndBothValues(string field, object value, string expected)
    {
        using var temp = new TempFolder();
        var copy = ShardRunsFixture.CopyShard(shards.TwoOfTwo, Path.Combine(temp.Path, "copy"));
        var sha = (string)ReadRunJson(shards.OneOfTwo)["scenario_sha256"]!;
        EditRunJson(copy, json => json[field] = value is int n ? JsonValue.Create(n) : JsonValue.Create((string)value));

        var (exit, stderr, outDir) = Merge(temp, shards.OneOfTwo, copy);

        Assert.Equal(2, exit);
        Assert.Equal("error: cannot merge: the shards are not of one sweep: " + string.Format(expected, shards.OneOfTwo, copy, sha) + Environment.NewLine, stderr);
        Assert.False(Directory.Exists(outDir));
    }

    [Theory]
    [InlineData("../../evil", "run.json, at $.scenario: '../../evil' is not a name")]
    [InlineData("..", "run.json, at $.scenario: '..' is not a name")]
    [InlineData("a/b", "run.json, at $.scenario: 'a/b' is not a name")]
    [InlineData("", "run.json, at $.scenario: '' is not a name")]
    [InlineData(".hidden", "run.json: scenario '.hidden' is not a safe folder name (ASCII letters, digits, '-', '_' and '.', not starting with '.')")]
    [InlineData("...", "run.json: scenario '...' is not a safe folder name")]
    public void Merge_ScenarioNameThatIsNotAFolderName_IsRefusedAndNothingIsWritten(string name, string expected)
    {
        using var temp = new TempFolder();
        var one = ShardRunsFixture.CopyShard(shards.OneOfTwo, Path.Combine(temp.Path, "shards"));
        var two = ShardRunsFixture.CopyShard(shards.TwoOfTwo, Path.Combine(temp.Path, "shards"));
        EditRunJson(one, json => json["scenario"] = name);
        EditRunJson(two, json => json["scenario"] = name);
        var outDir = Path.Combine(temp.Path, "a", "b", "merged");

        var (exit, _, stderr) = CliRunner.Run("merge", "--out", outDir, one, two);

        // The reader refuses what is no name at all; merge also holds the name to the run writer's
        // rule (no leading '.'), since it becomes the merged run's folder.
        Assert.Equal(2, exit);
        Assert.StartsWith($"error: cannot merge: {Path.Combine(one, expected)}", stderr);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "a")), "merge created a folder");
        Assert.Equal(["shards"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("abc123")]
    [InlineData("39C2BC6DDC8BBD4DE36903AB1A2C3C6C7B5004A4E9B091B127BE4A6F3D78088D")]
    [InlineData("39c2bc6ddc8bbd4de36903ab1a2c3c6c7b5004a4e9b091b127be4a6f3d78088d\n")]
    [InlineData("../../../../etc/passwd")]
    public void Merge_ScenarioShaThatIsNotASha256_IsRefused(string sha)
    {
        using var temp = new TempFolder();
        var one = ShardRunsFixture.CopyShard(shards.OneOfTwo, Path.Combine(temp.Path, "shards"));
        EditRunJson(one, json => json["scenario_sha256"] = sha);

        var (exit, stderr, outDir) = Merge(temp, one, shards.TwoOfTwo);

        Assert.Equal(2, exit);
        Assert.StartsWith($"error: cannot merge: {Path.Combine(one, "run.json")}, at $.scenario_sha256: '", stderr);
        Assert.Contains("is not a SHA-256", stderr);
        Assert.DoesNotContain("\n'", stderr); // a control character read from the file is not echoed
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Merge_LongTamperedVersion_EchoesOnlyAnExcerpt()
    {
        using var temp = new TempFolder();
        var one = ShardRunsFixture.CopyShard(shards.OneOfTwo, Path.Combine(temp.Path, "shards"));
        EditRunJson(one, json => json["version"] = new string('9', 1000));

        var (exit, stderr, _) = Merge(temp, one, shards.TwoOfTwo);

        Assert.Equal(2, exit);
        Assert.Contains("version '" + new string('9', 80) + "...' is not a version", stderr);
        Assert.True(stderr.Length < 400, stderr.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Merge_FolderNameAndRunJsonDisagreeOnTheShard_IsRefused()
    {
        using var temp = new TempFolder();
        var one = ShardRunsFixture.CopyShard(shards.OneOfTwo, Path.Combine(temp.Path, "shards"));
        EditRunJson(one, json => json["shard"]!["number"] = 2);

        var (exit, stderr, _) = Merge(temp, one, shards.TwoOfTwo);

        Assert.Equal(2, exit);
        Assert.Equal($"error: cannot merge: {one}: the folder name says shard 1/2 but its run.json says 2/2" + Environment.NewLine, stderr);
    }

    [Theory]
    [InlineData("-shard3of2")]
    [InlineData("-shard0of2")]
    [InlineData("-shard1of99999999999")]
    public void Merge_FolderNameShardOutOfRange_IsRefused(string suffix)
    {
        using var temp = new TempFolder();
        var copy = ShardRunsFixture.CopyShard(shards.OneOfTwo, Path.Combine(temp.Path, "shards"));
        var renamed = Path.Combine(Path.GetDirectoryName(copy)!, "20261203-000000-s3" + suffix);
        Directory.Move(copy, renamed);
        EditRunJson(renamed, json => json.Remove("shard"));

        var (exit, stderr, _) = Merge(temp, renamed, shards.TwoOfTwo);

        Assert.Equal(2, exit);
        Assert.Equal($"error: cannot merge: {renamed}: the folder name's shard '{suffix}' is not K of N with 1 <= K <= N" + Environment.NewLine, stderr);
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(3, 2)]
    [InlineData(1, 0)]
    public void Merge_RunJsonShardOutOfRange_IsRefused(int number, int count)
    {
        using var temp = new TempFolder();
        var one = ShardRunsFixture.CopyShard(shards.OneOfTwo, Path.Combine(temp.Path, "shards"));
        EditRunJson(one, json => json["shard"] = new JsonObject { ["number"] = number, ["count"] = count });

        var (exit, stderr, _) = Merge(temp, one, shards.TwoOfTwo);

        Assert.Equal(2, exit);
        Assert.Contains($"run.json: shard {number}/{count} is not K/N with 1 <= K <= N", stderr);
    }

    [Fact]
    public void Merge_ScenarioYamlEditedAfterTheRun_IsRefused()
    {
        using var temp = new TempFolder();
        var one = ShardRunsFixture.CopyShard(shards.OneOfTwo, Path.Combine(temp.Path, "shards"));
        File.AppendAllText(Path.Combine(one, "scenario.yaml"), "# edited\n");

        var (exit, stderr, outDir) = Merge(temp, one, shards.TwoOfTwo);

        Assert.Equal(2, exit);
        Assert.Equal(
            $"error: cannot merge: {Path.Combine(one, "scenario.yaml")} does not hash to the scenario_sha256 of its run.json; it was edited after the run" + Environment.NewLine,
            stderr);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Merge_ShardsOfDifferentPlatforms_MergesAndWarns()
    {
        using var temp = new TempFolder();
        var copy = ShardRunsFixture.CopyShard(shards.TwoOfTwo, Path.Combine(temp.Path, "copy"));
        EditRunJson(copy, json => json["machine"]!["dotnet"] = ".NET 99.0.0");

        var (exit, stderr, outDir) = Merge(temp, shards.OneOfTwo, copy);

        Assert.Equal(0, exit);
        Assert.StartsWith("warning: the shards ran on different platforms (", stderr);
        Assert.Contains(", .NET 99.0.0 in " + copy + ");", stderr);
        Assert.True(Directory.Exists(outDir));
    }

    [Fact]
    public void Run_WithShard_RecordsTheShardInRunJson()
    {
        var json = ReadRunJson(shards.Thirds[1]);

        Assert.Equal(2, (int)json["shard"]!["number"]!);
        Assert.Equal(3, (int)json["shard"]!["count"]!);
    }

    [Fact]
    public void Merge_OfShardsWithoutShardInRunJson_TakesItFromTheFolderNames()
    {
        using var temp = new TempFolder();
        var single = CliRunner.Run("run", shards.Scenario, "--out", Path.Combine(temp.Path, "single"), "--quiet").Out.Trim();
        var one = ShardRunsFixture.CopyShard(shards.OneOfTwo, Path.Combine(temp.Path, "shards"));
        var two = ShardRunsFixture.CopyShard(shards.TwoOfTwo, Path.Combine(temp.Path, "shards"));
        EditRunJson(one, json => json.Remove("shard"));
        EditRunJson(two, json => json.Remove("shard"));

        var (exit, stdout, stderr) = CliRunner.Run("merge", "--out", Path.Combine(temp.Path, "merged"), one, two);

        Assert.True(exit == 0, stderr);
        var merged = stdout.Trim();
        foreach (var table in Tables)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(single, table)), File.ReadAllBytes(Path.Combine(merged, table)));
        }

        Assert.Null(ReadRunJson(merged)["shard"]); // the merged run is whole
        Assert.False(File.ReadAllText(Path.Combine(single, "run.json")).Contains("\"shard\"", StringComparison.Ordinal));
    }

    private static (int Exit, string Err, string OutDir) Merge(TempFolder temp, params string[] folders)
    {
        var outDir = Path.Combine(temp.Path, "merged");
        var (exit, _, stderr) = CliRunner.Run(["merge", "--out", outDir, .. folders]);
        return (exit, stderr, outDir);
    }

    private static JsonObject ReadRunJson(string folder) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "run.json")))!.AsObject();

    private static void EditRunJson(string folder, Action<JsonObject> edit)
    {
        var json = ReadRunJson(folder);
        edit(json);
        File.WriteAllText(Path.Combine(folder, "run.json"), json.ToJsonString());
    }
}
