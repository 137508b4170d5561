namespace ResumeSim.Bench.Peers;

/// <summary>A program (a path, or a name looked up on PATH) and its arguments.</summary>
public sealed record PeerCommand(string FileName, IReadOnlyList<string> Arguments);
