using System.Diagnostics;
using System.Text.RegularExpressions;
using ResumeSim.Model.Runs;
using YamlDotNet.RepresentationModel;

namespace ResumeSim.Cli.Tests.Deploy;

/// <summary>
/// The Kubernetes manifests docs/scale-out.md tells users to apply have the fields it relies on.
/// They have not run on a cluster here: this checks their shape (what a schema would) and the
/// shard arithmetic, not a scheduler.
/// </summary>
public sealed partial class KubernetesManifestTests
{
    private static readonly string SweepFile = Path.Combine(RepositoryPaths.Root, "deploy", "k8s", "indexed-job.yaml");
    private static readonly string MergeFile = Path.Combine(RepositoryPaths.Root, "deploy", "k8s", "merge-job.yaml");

    [Theory]
    [InlineData("indexed-job.yaml")]
    [InlineData("merge-job.yaml")]
    public void Manifest_IsOneBatchV1Job(string file)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "deploy", "k8s", file))));

        var job = Assert.IsType<YamlMappingNode>(Assert.Single(stream.Documents).RootNode);
        Assert.Equal("batch/v1", Text(job, "apiVersion"));
        Assert.Equal("Job", Text(job, "kind"));
        Assert.False(string.IsNullOrEmpty(Text(job, "metadata", "name")));
    }

    [Fact]
    public void IndexedJob_RunsOnePodPerShard()
    {
        var job = Load(SweepFile);

        Assert.Equal("Indexed", Text(job, "spec", "completionMode"));
        var count = ShardCount(job);
        Assert.Equal(count.ToString(System.Globalization.CultureInfo.InvariantCulture), Text(job, "spec", "completions"));
        Assert.Equal(Text(job, "spec", "completions"), Text(job, "spec", "parallelism"));
    }

    [Fact]
    public void IndexedJob_ShardNumberComesFromTheCompletionIndex()
    {
        var job = Load(SweepFile);
        var count = ShardCount(job);
        var expression = ShardArgument().Match(Command(job)).Groups["expr"].Value;

        // Kubernetes numbers pods 0..N-1; the container's shell turns that into shards 1..N.
        foreach (var index in new[] { 0, 1, count - 1 })
        {
            var text = Shell($"echo {expression}", ("JOB_COMPLETION_INDEX", index.ToString(System.Globalization.CultureInfo.InvariantCulture)));

            Assert.True(Shard.TryParse(text, out var shard, out var problem), problem);
            Assert.Equal(new Shard(index + 1, count), shard);
        }
    }

    [Fact]
    public void IndexedJob_FailedPodsAreNotRestartedInPlace()
    {
        var job = Load(SweepFile);

        Assert.Equal("Never", Text(job, "spec", "template", "spec", "restartPolicy"));
        Assert.Equal("Never", Text(Load(MergeFile), "spec", "template", "spec", "restartPolicy"));
    }

    [Fact]
    public void IndexedJob_ReadsTheScenarioFromAMountedConfigMap()
    {
        var job = Load(SweepFile);
        var scenario = Regex.Match(Command(job), @"\brun (\S+)").Groups[1].Value;

        var volume = VolumeUnder(job, scenario);
        Assert.NotNull(Node(volume, "configMap", "name"));
    }

    [Fact]
    public void MergeJob_ReadsTheShardsFromTheVolumeTheSweepWritesTo()
    {
        var sweep = Load(SweepFile);
        var merge = Load(MergeFile);
        var shardsOut = OutOption(Command(sweep));
        var mergeCommand = Command(merge);
        var shardsIn = Regex.Match(mergeCommand, @"\bmerge --out \S+ (\S+)").Groups[1].Value;

        Assert.StartsWith(shardsOut + "/", shardsIn + "/", StringComparison.Ordinal);
        var written = Text(VolumeUnder(sweep, shardsOut), "persistentVolumeClaim", "claimName");
        Assert.Equal(written, Text(VolumeUnder(merge, shardsIn), "persistentVolumeClaim", "claimName"));
        Assert.Equal(written, Text(VolumeUnder(merge, OutOption(mergeCommand)), "persistentVolumeClaim", "claimName"));
    }

    [Fact]
    public void ScaleOutDoc_PointsAtTheManifestsAndSaysTheyWereNotRunHere()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "scale-out.md"));

        Assert.Contains("deploy/k8s/indexed-job.yaml", doc);
        Assert.Contains("deploy/k8s/merge-job.yaml", doc);
        Assert.Contains("not been run on a Kubernetes cluster", doc);
    }

    private static YamlMappingNode Load(string path)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlNode? Node(YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out var child))
            {
                return null;
            }

            node = child;
        }

        return node;
    }

    private static string? Text(YamlNode node, params string[] path) => (Node(node, path) as YamlScalarNode)?.Value;

    private static YamlMappingNode Container(YamlMappingNode job)
    {
        var containers = Assert.IsType<YamlSequenceNode>(Node(job, "spec", "template", "spec", "containers"));
        return Assert.IsType<YamlMappingNode>(Assert.Single(containers.Children));
    }

    /// <summary>The container's command line as the shell gets it (command is sh -c, args one string).</summary>
    private static string Command(YamlMappingNode job)
    {
        var container = Container(job);
        var command = Assert.IsType<YamlSequenceNode>(Node(container, "command"));
        Assert.Equal(["/bin/sh", "-c"], command.Children.Select(c => ((YamlScalarNode)c).Value));
        var args = Assert.IsType<YamlSequenceNode>(Node(container, "args"));
        return Assert.IsType<YamlScalarNode>(Assert.Single(args.Children)).Value!;
    }

    private static int ShardCount(YamlMappingNode job)
    {
        var match = ShardArgument().Match(Command(job));
        Assert.True(match.Success, "the shard's command has no --shard $((JOB_COMPLETION_INDEX + 1))/N");
        return int.Parse(match.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string OutOption(string command)
    {
        var match = Regex.Match(command, @"--out (\S+)");
        Assert.True(match.Success, $"no --out in '{command}'");
        return match.Groups[1].Value;
    }

    /// <summary>The pod volume whose mount holds <paramref name="path"/>.</summary>
    private static YamlNode VolumeUnder(YamlMappingNode job, string path)
    {
        var mounts = Assert.IsType<YamlSequenceNode>(Node(Container(job), "volumeMounts"));
        var mount = mounts.Children.SingleOrDefault(m => path.StartsWith(Text(m, "mountPath")!.TrimEnd('/') + "/", StringComparison.Ordinal));
        Assert.True(mount is not null, $"no volume is mounted above {path}");
        var volumes = Assert.IsType<YamlSequenceNode>(Node(job, "spec", "template", "spec", "volumes"));
        return Assert.Single(volumes.Children, v => Text(v, "name") == Text(mount, "name"));
    }

    private static string Shell(string script, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("/bin/sh", ["-c", script]) { RedirectStandardOutput = true };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return output.Trim();
    }

    [GeneratedRegex(@"--shard (?<expr>\$\(\(JOB_COMPLETION_INDEX \+ 1\)\)/(?<count>[0-9]+))(\s|$)")]
    private static partial Regex ShardArgument();
}
