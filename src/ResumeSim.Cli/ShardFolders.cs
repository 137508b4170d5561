using System.Text.RegularExpressions;
using ResumeSim.Results;

namespace ResumeSim.Cli;

/// <summary>
/// The run folders <c>merge</c> reads. Each argument is a run folder (it holds <c>run.json</c>), or the
/// <c>--out</c> folder given to <c>run --shard K/N</c> (which holds <c>&lt;scenario&gt;/&lt;run-id&gt;-shardKofN/</c>),
/// or one scenario's folder under it. From a folder that is not a run, only shard folders are taken,
/// so an unsharded or an earlier merged run written next to them is not merged again.
/// </summary>
internal static partial class ShardFolders
{
    /// <summary>Expands the arguments, in order; false with a message for an argument that holds no run.</summary>
    public static bool TryExpand(IReadOnlyList<string> arguments, out List<string> runFolders, out string problem)
    {
        runFolders = [];
        problem = "";
        foreach (var argument in arguments)
        {
            if (IsRun(argument))
            {
                runFolders.Add(argument);
                continue;
            }

            if (!Directory.Exists(argument))
            {
                problem = $"{argument}: no such folder; expected a run folder or the --out folder of 'run --shard K/N'";
                return false;
            }

            var found = ShardsUnder(argument);
            if (found.Count == 0)
            {
                problem = $"{argument}: holds no run ({RunFiles.Manifest}) and no shard folder (<scenario>/<run-id>-shardKofN/); expected a run folder or the --out folder of 'run --shard K/N'";
                return false;
            }

            runFolders.AddRange(found);
        }

        return true;
    }

    private static List<string> ShardsUnder(string folder)
    {
        // Depth 1: a scenario's folder; depth 2: the --out folder holding scenario folders.
        var depthOne = Directory.GetDirectories(folder).Where(IsShard).ToList();
        var depthTwo = Directory.GetDirectories(folder).SelectMany(Directory.GetDirectories).Where(IsShard).ToList();
        return [.. depthOne.Concat(depthTwo).Order(StringComparer.Ordinal)];
    }

    private static bool IsRun(string folder) => File.Exists(Path.Combine(folder, RunFiles.Manifest));

    private static bool IsShard(string folder) => IsRun(folder) && ShardSuffix().IsMatch(Path.GetFileName(folder));

    // RunCommand names a shard's folder <run-id>-shardKofN.
    [GeneratedRegex("-shard[0-9]+of[0-9]+$")]
    private static partial Regex ShardSuffix();
}
