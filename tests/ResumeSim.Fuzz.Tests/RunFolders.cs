namespace ResumeSim.Fuzz.Tests;

/// <summary>
/// A finished run folder and the two shard folders of a sharded sweep, made once per test run by
/// the CLI itself from a tiny scenario; each case gets its own copy to damage.
/// </summary>
internal sealed class RunFolders : IDisposable
{
    // The corpus's small scenario (corpus/tiny.yaml, written by generate.py), as a two-point sweep so
    // that it can be sharded.
    private static string Tiny => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "corpus", "tiny.yaml")) + "sweep:\n  farm.servers: [1, 2]\n";

    private RunFolders(string root, string run, string shard1, string shard2)
    {
        Root = root;
        Run = run;
        Shard1 = shard1;
        Shard2 = shard2;
    }

    public string Root { get; }

    public string Run { get; }

    public string Shard1 { get; }

    public string Shard2 { get; }

    public static async Task<RunFolders> CreateAsync()
    {
        var root = Directory.CreateTempSubdirectory("resumesim-fuzz-runs-").FullName;
        File.WriteAllText(Path.Combine(root, "tiny.yaml"), Tiny);
        var run = await RunOnceAsync(root, "run", []);
        var shard1 = await RunOnceAsync(root, "shards", ["--shard", "1/2"]);
        var shard2 = await RunOnceAsync(root, "shards", ["--shard", "2/2"]);
        return new RunFolders(root, run, shard1, shard2);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private static async Task<string> RunOnceAsync(string root, string outFolder, IReadOnlyList<string> extra)
    {
        var before = RunFoldersUnder(Path.Combine(root, outFolder));
        var outcome = await Resumesim.RunAsync(root, ["run", "tiny.yaml", "--out", outFolder, "--quiet", .. extra]);
        if (outcome.ExitCode != 0)
        {
            throw new InvalidOperationException($"the fixture run failed ({outcome.ExitCode}): {outcome.Stderr}");
        }

        return RunFoldersUnder(Path.Combine(root, outFolder)).Except(before).Single();
    }

    private static IReadOnlyList<string> RunFoldersUnder(string outFolder) =>
        Directory.Exists(outFolder)
            ? [.. Directory.GetDirectories(outFolder).SelectMany(Directory.GetDirectories)]
            : [];
}
