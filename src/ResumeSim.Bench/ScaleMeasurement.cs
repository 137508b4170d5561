namespace ResumeSim.Bench;

/// <summary>One strategy's run in the scale benchmark (serial: alone on one thread; parallel: next to the others).</summary>
public sealed record ScaleMeasurement(
    string Strategy,
    string Mode,
    int Clients,
    long Connections,
    long Events,
    long TicketHandshakes,
    double WallSeconds,
    double CpuSeconds,
    double HeldBytesPerClient,
    double AllocatedBytesPerConnection,
    double ResumptionRate,
    double GcPauseSeconds,
    int Gen0Collections,
    int Gen2Collections)
{
    /// <summary>Simulated connections per wall second.</summary>
    public double ConnectionsPerSecond => Connections / WallSeconds;

    /// <summary>Events dispatched per wall second.</summary>
    public double EventsPerSecond => Events / WallSeconds;

    /// <summary>Simulated connections per second of process CPU time (serial runs; in a parallel run the CPU of the whole phase).</summary>
    public double ConnectionsPerCpuSecond => Connections / CpuSeconds;

    /// <summary>Handshakes that sealed or opened a real ticket, per wall second.</summary>
    public double TicketHandshakesPerSecond => TicketHandshakes / WallSeconds;
}
