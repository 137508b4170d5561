namespace ResumeSim.Engine;

/// <summary>
/// Presents a <see cref="Simulation"/>'s clock as a <see cref="TimeProvider"/> (DESIGN §3), for
/// library code written against <see cref="TimeProvider"/> rather than an explicit <c>now</c>.
/// </summary>
/// <remarks>
/// UTC time is <c>epoch + Now</c> (truncated to 100 ns, the resolution of <see cref="DateTimeOffset"/>);
/// the timestamp is <see cref="Simulation.Now"/> itself at <see cref="SimTime.TicksPerSecond"/> per second.
/// Timers are not supported: a timer callback would run outside the event queue and break the
/// deterministic event order; schedule an event instead.
/// </remarks>
public sealed class SimulationTimeProvider : TimeProvider
{
    private readonly Simulation _simulation;
    private readonly DateTimeOffset _epoch;

    /// <summary>Creates a provider reading <paramref name="simulation"/>'s clock from <paramref name="epoch"/>.</summary>
    public SimulationTimeProvider(Simulation simulation, DateTimeOffset epoch)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        _simulation = simulation;
        _epoch = epoch.ToUniversalTime();
    }

    /// <inheritdoc/>
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <inheritdoc/>
    public override long TimestampFrequency => SimTime.TicksPerSecond;

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow() => _epoch + SimTime.ToTimeSpan(_simulation.Now);

    /// <inheritdoc/>
    public override long GetTimestamp() => _simulation.Now;

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        throw new NotSupportedException(
            "SimulationTimeProvider has no timers: a timer would fire outside the event queue and break " +
            "deterministic ordering. Schedule an event on the Simulation instead.");
}
