namespace ResumeSim.Cli.Tests;

/// <summary>
/// Shards of the small scenario, run once for a test class: 1/2, 2/2, the three shards of 3, and 2/2
/// with another seed. Tests copy them before changing anything (<see cref="CopyShard"/>).
/// </summary>
public sealed class ShardRunsFixture : IDisposable
{
    private readonly TempFolder _temp = new();

    public ShardRunsFixture()
    {
        Scenario = _temp.Write("small.yaml", SmallScenario.Yaml);
        OneOfTwo = Run("halves", "1/2");
        TwoOfTwo = Run("halves", "2/2");
        Thirds = [Run("thirds", "1/3"), Run("thirds", "2/3"), Run("thirds", "3/3")];
        TwoOfTwoSeed77 = Run("seed77", "2/2", "--seed", "77");
    }

    public string Scenario { get; }

    public string OneOfTwo { get; }

    public string TwoOfTwo { get; }

    public IReadOnlyList<string> Thirds { get; }

    public string TwoOfTwoSeed77 { get; }

    /// <summary>Copies a shard's run folder to <c>&lt;root&gt;/&lt;scenario&gt;/&lt;same name&gt;</c> and returns the copy.</summary>
    public static string CopyShard(string shard, string root)
    {
        var target = Path.Combine(root, Path.GetFileName(Path.GetDirectoryName(shard))!, Path.GetFileName(shard));
        foreach (var file in Directory.GetFiles(shard, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(shard, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return target;
    }

    public void Dispose() => _temp.Dispose();

    private string Run(string outName, string shard, params string[] more)
    {
        var (exit, stdout, stderr) = CliRunner.Run(["run", Scenario, "--out", Path.Combine(_temp.Path, outName), "--quiet", "--shard", shard, .. more]);
        if (exit != 0)
        {
            throw new InvalidOperationException($"run --shard {shard} failed: {stderr}");
        }

        return stdout.Trim();
    }
}
