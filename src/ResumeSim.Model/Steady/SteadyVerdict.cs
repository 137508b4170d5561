namespace ResumeSim.Model.Steady;

/// <summary>Whether a run measured its steady state (summary.csv <c>steady_state</c>).</summary>
public enum SteadyVerdict
{
    /// <summary>MSER-5 found the end of the transient within its limit, or the written warm-up's window shows no drift.</summary>
    Reached,

    /// <summary><c>warmup: auto</c>: MSER-5 put the end of the transient beyond its limit.</summary>
    TooShort,

    /// <summary>The measured window still trends (<see cref="StationarityCheck"/>).</summary>
    Drifting,

    /// <summary>A written warm-up whose window was too short to check (or began with a fault).</summary>
    Unchecked,
}
