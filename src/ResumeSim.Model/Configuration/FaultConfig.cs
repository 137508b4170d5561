namespace ResumeSim.Model.Configuration;

/// <summary>Something that happens to the farm at a point of the measured period.</summary>
/// <param name="At">Time since the start of the measured period (after warm-up).</param>
/// <param name="Kind">What happens.</param>
/// <param name="Server">0-based server index (scenarios write 1-based <c>server-1</c>).</param>
public sealed record FaultConfig(TimeSpan At, FaultKind Kind, int Server);
