using System.Runtime.InteropServices;

namespace ResumeSim.Results.Tests;

/// <summary>Run folders from elsewhere: files that are not files, too large, or tampered manifests.</summary>
public sealed partial class HostileRunFolderTests
{
    private static string WriteSample(TempFolder root) => RunWriter.Write(root.Path, "quickstart", "r1", SampleRuns.Full());

    private static void SetManifestValue(string folder, string key, string json)
    {
        var path = Path.Combine(folder, RunFiles.Manifest);
        var lines = File.ReadAllLines(path).Select(l => l.TrimStart().StartsWith($"\"{key}\":", StringComparison.Ordinal)
            ? $"  \"{key}\": {json}" + (l.TrimEnd().EndsWith(',') ? "," : "")
            : l);
        File.WriteAllLines(path, lines);
    }

    [Theory]
    [InlineData(RunFiles.Summary)]
    [InlineData(RunFiles.Manifest)]
    [InlineData(RunFiles.Scenario)]
    public void Read_NamedPipeInPlaceOfAFile_IsRefusedWithoutOpeningIt(string file)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var root = new TempFolder();
        var folder = WriteSample(root);
        var path = Path.Combine(folder, file);
        File.Delete(path);
        Assert.Equal(0, mkfifo(path, 0x1A4));

        // Opening a pipe nobody writes to would block here for ever.
        var e = Assert.Throws<ResultsFormatException>(() => RunReader.Read(folder));

        Assert.Equal(path, e.File);
        Assert.Contains("is a named pipe, a device or a socket, not a regular file", e.Message);
    }

    [Fact]
    public void Read_FolderInPlaceOfSummary_IsRefused()
    {
        using var root = new TempFolder();
        var folder = WriteSample(root);
        var summary = Path.Combine(folder, RunFiles.Summary);
        File.Delete(summary);
        Directory.CreateDirectory(summary);

        var e = Assert.Throws<ResultsFormatException>(() => RunReader.Read(folder));

        Assert.Contains("summary.csv: is a folder, not a regular file", e.Message);
    }

    [Fact]
    public void ReadManifest_LargerThanAMegabyte_IsRefusedBeforeParsing()
    {
        using var root = new TempFolder();
        var folder = WriteSample(root);
        var manifest = Path.Combine(folder, RunFiles.Manifest);
        File.AppendAllText(manifest, new string(' ', 1 << 20));

        var e = Assert.Throws<ResultsFormatException>(() => RunReader.ReadManifest(folder));

        Assert.Contains("more than the 1,048,576 bytes", e.Message);
    }

    [Theory]
    [InlineData("scenario", "\"../../evil\"", "$.scenario")]
    [InlineData("scenario", "\"/etc\"", "$.scenario")]
    [InlineData("scenario", "\"..\"", "$.scenario")]
    [InlineData("scenario", "\"evil\\n\"", "$.scenario")]
    [InlineData("scenario_sha256", "\"abc\"", "$.scenario_sha256")]
    [InlineData("scenario_sha256", "\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\\n\"", "$.scenario_sha256")]
    [InlineData("scenario_sha256", "\"9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08\"", "$.scenario_sha256")]
    [InlineData("replications", "0", "$.replications")]
    [InlineData("command", "\"resumesim run \\u001b[2J\"", "$.command")]
    public void ReadManifest_TamperedValue_NamesTheKey(string key, string json, string field)
    {
        using var root = new TempFolder();
        var folder = WriteSample(root);
        SetManifestValue(folder, key, json);

        var e = Assert.Throws<ResultsFormatException>(() => RunReader.ReadManifest(folder));

        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void ReadManifest_HugeScenarioName_ShowsOnlyAnExcerpt()
    {
        using var root = new TempFolder();
        var folder = WriteSample(root);
        SetManifestValue(folder, "scenario", "\"" + new string('n', 5000) + "\"");

        var e = Assert.Throws<ResultsFormatException>(() => RunReader.ReadManifest(folder));

        Assert.Contains("(5000 characters)", e.Message);
        Assert.True(e.Message.Length < 600, e.Message);
    }

    [Fact]
    public void Read_ScenarioCopyNotUtf8_IsRefusedWithTheOffset()
    {
        using var root = new TempFolder();
        var folder = WriteSample(root);
        var scenario = Path.Combine(folder, RunFiles.Scenario);
        var bytes = File.ReadAllBytes(scenario).ToList();
        bytes.Insert(5, 0xff);
        File.WriteAllBytes(scenario, [.. bytes]);

        var e = Assert.Throws<ResultsFormatException>(() => RunReader.Read(folder));

        Assert.Contains("is not UTF-8 text (bad byte at offset 5)", e.Message);
    }

    [LibraryImport("libc", EntryPoint = "mkfifo", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int mkfifo(string path, uint mode);
}
