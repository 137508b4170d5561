namespace ResumeSim.Benchmarks;

/// <summary>One strategy's run of the model benchmark.</summary>
public sealed record ModelMeasurement(
    string Strategy,
    long Connections,
    long Events,
    double WallSeconds,
    double ConnectionsPerSecond,
    double EventsPerSecond,
    double AllocatedBytesPerConnection,
    double HeldBytesPerClient,
    double CryptoFloorPairsPerSecond,
    double ResumptionRate);
