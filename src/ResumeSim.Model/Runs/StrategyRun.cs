using ResumeSim.Model.Configuration;
using ResumeSim.Model.World;

namespace ResumeSim.Model.Runs;

/// <summary>
/// One strategy of one replication as one simulation the caller holds: what <see cref="ExperimentRunner"/>
/// runs per job, without the <c>warmup: auto</c> pilot. It is for measuring the simulator itself (the
/// bench harness reads <see cref="EventsProcessed"/> while it runs and keeps the world alive afterwards
/// to weigh it); results come from the same world and code as a run's.
/// </summary>
public sealed class StrategyRun
{
    private readonly ResumptionWorld world;

    /// <summary>Builds the world: clients, servers, stores and key rings, before any event runs.</summary>
    public StrategyRun(ScenarioConfig scenario, StrategyConfig strategy, int replication)
    {
        world = new ResumptionWorld(scenario, strategy, replication);
    }

    /// <summary>Events dispatched so far.</summary>
    public long EventsProcessed => world.EventsProcessed;

    /// <summary>Runs the simulation to its end; <paramref name="onSlice"/> is called after each of <paramref name="slices"/> equal slices of simulated time.</summary>
    public StrategyRunResult Run(int replication, int sweepPoint, Action? onSlice = null, int slices = 1) =>
        world.Run(replication, sweepPoint, onSlice, slices);
}
