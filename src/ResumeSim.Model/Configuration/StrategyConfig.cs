namespace ResumeSim.Model.Configuration;

/// <summary>
/// One resumption configuration to compare. Both mechanisms may be on (as in nginx's defaults);
/// both off is <c>resumption: off</c>.
/// </summary>
public sealed record StrategyConfig
{
    public required string Name { get; init; }
    public SessionIdConfig? SessionIds { get; init; }
    public TicketConfig? Tickets { get; init; }

    public bool ResumptionOff => SessionIds is null && Tickets is null;
}
