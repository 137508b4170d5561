namespace ResumeSim.Model.Configuration;

/// <summary>
/// <c>warmup: auto</c> (or <c>{auto: MAX}</c>): the warm-up is not written but found, per strategy and
/// replication (docs/steady-state.md). A pilot run of <see cref="Max"/> from the same empty start and
/// without the fault timeline gives MSER-5 its series; the run then warms up for twice MSER-5's
/// truncation point, so its own warm-up holds the transient in its first half as MSER asks of a series,
/// and its tables are exactly those of a run with that warm-up written.
/// </summary>
/// <param name="Max">
/// The pilot's length, and so the longest warm-up: a truncation point in the pilot's second half (MSER's
/// failure signal) means the run is too short to reach steady state, and it then warms up for all of it.
/// </param>
public sealed record AutoWarmupConfig(TimeSpan Max)
{
    /// <summary>The pilot a bare <c>warmup: auto</c> (or a scenario without <c>warmup</c>) uses.</summary>
    public static readonly TimeSpan DefaultMax = TimeSpan.FromHours(2);
}
