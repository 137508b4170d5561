using System.Diagnostics;
using ResumeSim.Engine;

namespace ResumeSim.Bench;

/// <summary>
/// The hold model through <see cref="Simulation"/> rather than a bare queue: every dispatched event
/// schedules one at now + Exp(1 s) with the same target and arg + 1, so a hold costs what an event of
/// the model costs in the engine (schedule, queue, unpacking kind/target/arg, dispatch), not the
/// queue alone: where the payload lives (in the entry or a side array) shows here, not in the bare
/// queue's hold (docs/engine.md, "Queue entries").
/// </summary>
internal static class EngineBenchmarkSimulationHold
{
    /// <summary>One run on a default simulation: (fill seconds, ns per timed hold, checksum of the payloads seen).</summary>
    public static (double FillSeconds, double NsPerHold, long Checksum) Run(int pending, long warmup, long holds, ulong seed)
    {
        var sim = new Simulation();
        var handler = new RescheduleHandler(sim, new RandomStream(seed));
        sim.Register(0, handler);
        var fill = Stopwatch.StartNew();
        for (int i = 0; i < pending; i++)
        {
            sim.Schedule(SimTime.FromSeconds(handler.Rng.NextExponential(1.0)), 0, target: i, arg: i);
        }

        fill.Stop();
        for (long i = 0; i < warmup; i++)
        {
            sim.Step();
        }

        var timed = Stopwatch.StartNew();
        for (long i = 0; i < holds; i++)
        {
            sim.Step();
        }

        timed.Stop();
        Debug.Assert(sim.Pending == pending);
        return (fill.Elapsed.TotalSeconds, timed.Elapsed.TotalNanoseconds / holds, handler.Checksum);
    }

    private sealed class RescheduleHandler(Simulation sim, RandomStream rng) : IEventHandler
    {
        public RandomStream Rng { get; } = rng;

        public long Checksum { get; private set; }

        public void Handle(in Event e)
        {
            // Reading target and arg keeps the payload on the measured path, as every model handler does.
            Checksum += e.Target ^ e.Arg;
            sim.ScheduleIn(SimTime.FromSeconds(Rng.NextExponential(1.0)), 0, e.Target, e.Arg + 1);
        }
    }
}
