namespace ResumeSim.Bench.Peers;

/// <summary>
/// The ns-3 model (benchmarks/peers/ns3/resumption-farm.cc), compiled by <c>ns3/build.sh</c> with the
/// system g++ against Debian's <c>libns3-dev</c> into the build folder, once, and again when the source changes.
/// </summary>
public sealed class Ns3Peer(string peersFolder) : IPeerSimulator
{
    private string binary = string.Empty;

    public string Name => "ns3";

    public string Description { get; private set; } = "ns-3";

    public string? Prepare(string buildFolder, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(buildFolder);
        ArgumentNullException.ThrowIfNull(log);
        var script = Path.Combine(peersFolder, "ns3", "build.sh");
        if (!File.Exists(script))
        {
            return $"the build script {script} is missing";
        }

        var output = Path.Combine(buildFolder, "ns3-build.txt");
        ChildUsage usage;
        try
        {
            usage = ChildProcess.Run("bash", [script, buildFolder], output, output + ".err");
        }
        catch (InvalidOperationException ex)
        {
            return $"bash could not run {script}: {ex.Message}";
        }

        if (usage.ExitCode != 0)
        {
            var why = File.ReadAllText(output + ".err").Trim();
            return $"it did not build ({why.Split('\n')[^1]}); install ns-3's core and a compiler with `apt-get install libns3-dev g++` (Debian)";
        }

        binary = File.ReadAllText(output).Trim().Split('\n')[^1];
        Description = $"ns-3 core (libns3-dev), its default scheduler, compiled with g++ -O2 into {binary}";
        if (usage.WallSeconds > 1)
        {
            log.WriteLine($"ns3: compiled {binary} in {usage.WallSeconds:F1} s");
        }

        return null;
    }

    public PeerCommand Command(PeerScenario scenario, PeerStrategy strategy, string workFolder)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return new PeerCommand(binary, scenario.Arguments(strategy));
    }

    public PeerCounts Read(PeerStrategy strategy, string standardOutput, string workFolder)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return PeerResultLine.Parse(standardOutput, strategy.Kind);
    }
}
