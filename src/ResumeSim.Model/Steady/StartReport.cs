namespace ResumeSim.Model.Steady;

/// <summary>How a run started (summary.csv <c>start</c>) and, for <c>start: stationary</c>, what limits it.</summary>
/// <param name="Stationary">The run started in its stationary state.</param>
/// <param name="Note">
/// Why a run asked to start stationary started empty (<see cref="StationaryStart.Unsupported"/>), or why its
/// stationary start was not exact after all (its store dropped valid sessions for room, which couples the
/// clients); null otherwise.
/// </param>
public sealed record StartReport(bool Stationary, string? Note)
{
    public static readonly StartReport Empty = new(false, null);

    /// <summary>The summary.csv text.</summary>
    public string Label => Stationary ? "stationary" : "empty";
}
