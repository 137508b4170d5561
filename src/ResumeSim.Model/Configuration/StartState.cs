namespace ResumeSim.Model.Configuration;

/// <summary>What the clients and servers hold when the simulation starts (<c>start</c>, docs/steady-state.md).</summary>
public enum StartState
{
    /// <summary>Nothing: every client cache and server store empty (the transient is then for the warm-up to absorb).</summary>
    Empty,

    /// <summary>
    /// Drawn from the stationary distribution where that is exact (<see cref="Steady.StationaryStart"/>):
    /// each client holds the session of its last full handshake, its age drawn from the renewal process those
    /// handshakes form, and the store holds the sessions still alive. Elsewhere a strategy starts empty.
    /// </summary>
    Stationary,
}
