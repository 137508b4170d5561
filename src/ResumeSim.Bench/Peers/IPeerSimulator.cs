namespace ResumeSim.Bench.Peers;

/// <summary>A simulator that runs the peer scenario in a process of its own (ResumeSim itself, SimPy, ns-3).</summary>
public interface IPeerSimulator
{
    /// <summary>Short name for the tables (<c>resumesim</c>, <c>simpy</c>, <c>ns3</c>).</summary>
    string Name { get; }

    /// <summary>
    /// Gets the simulator ready (finds the interpreter, compiles the model into <paramref name="buildFolder"/>):
    /// null when it is ready, else why it cannot run and how to install what it lacks.
    /// </summary>
    string? Prepare(string buildFolder, TextWriter log);

    /// <summary>What it is, for the report once prepared (<c>SimPy 3.0.11 on Python 3.11.2</c>).</summary>
    string Description { get; }

    /// <summary>The program and arguments that run one strategy of <paramref name="scenario"/>; it may write files under <paramref name="workFolder"/>.</summary>
    PeerCommand Command(PeerScenario scenario, PeerStrategy strategy, string workFolder);

    /// <summary>What the finished run counted, from its standard output (and anything it wrote under <paramref name="workFolder"/>).</summary>
    /// <exception cref="FormatException">The output holds no complete result.</exception>
    PeerCounts Read(PeerStrategy strategy, string standardOutput, string workFolder);
}
