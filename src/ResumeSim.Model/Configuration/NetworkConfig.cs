namespace ResumeSim.Model.Configuration;

/// <summary>
/// TCP parameters that decide whether the server's first flight fits in the initial congestion
/// window; a larger flight costs extra round trips (RFC 6928: initial window of 10 segments).
/// </summary>
public sealed record NetworkConfig
{
    public int InitialCwndSegments { get; init; } = 10;
    public int MssBytes { get; init; } = 1460;
}
