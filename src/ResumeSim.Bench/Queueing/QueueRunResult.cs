namespace ResumeSim.Bench.Queueing;

/// <summary>The outcome of one <see cref="MultiServerQueue"/> run.</summary>
/// <param name="MeanWaitSeconds">Mean time in queue (arrival to service start) of the measured customers.</param>
/// <param name="MeasuredCustomers">Customers after the warm-up whose wait was recorded.</param>
/// <param name="EventsProcessed">Events the simulation dispatched.</param>
/// <param name="SimulatedSeconds">Simulated time at the end.</param>
public sealed record QueueRunResult(double MeanWaitSeconds, long MeasuredCustomers, long EventsProcessed, double SimulatedSeconds);
