namespace ResumeSim.Bench.Peers;

/// <summary>
/// The SimPy 3 model (benchmarks/peers/simpy/resumption_farm.py) on a Python that has SimPy 3: Debian's
/// <c>python3-simpy3</c> installs it for <c>/usr/bin/python3</c>, which is tried before <c>python3</c> on PATH.
/// </summary>
public sealed class SimPyPeer(string peersFolder) : IPeerSimulator
{
    private string python = "python3";

    public string Name => "simpy";

    public string Description { get; private set; } = "SimPy";

    private string Script => Path.Combine(peersFolder, "simpy", "resumption_farm.py");

    public string? Prepare(string buildFolder, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(buildFolder);
        if (!File.Exists(Script))
        {
            return $"the model {Script} is missing";
        }

        foreach (var candidate in new[] { "/usr/bin/python3", "python3" })
        {
            var probe = Path.Combine(buildFolder, "simpy-probe.txt");
            try
            {
                var usage = ChildProcess.Run(candidate, ["-c", "import platform, simpy; print(simpy.__version__, platform.python_version())"], probe, probe + ".err");
                var words = File.ReadAllText(probe).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (usage.ExitCode == 0 && words is [var simpy, var version] && simpy.StartsWith('3'))
                {
                    python = candidate;
                    Description = $"SimPy {simpy} on Python {version} ({candidate})";
                    return null;
                }
            }
            catch (InvalidOperationException)
            {
                // no such interpreter: try the next
            }
        }

        return "no python3 with SimPy 3 was found; install it with `apt-get install python3-simpy3` (Debian; `pip install 'simpy>=3,<4'` elsewhere)";
    }

    public PeerCommand Command(PeerScenario scenario, PeerStrategy strategy, string workFolder)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return new PeerCommand(python, [Script, .. scenario.Arguments(strategy)]);
    }

    public PeerCounts Read(PeerStrategy strategy, string standardOutput, string workFolder)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return PeerResultLine.Parse(standardOutput, strategy.Kind);
    }
}
