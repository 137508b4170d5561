namespace ResumeSim.Bench;

/// <summary>The M/M/c model (c = 8, utilisation 0.8) run end to end with one queue, on <c>Simulation</c> or without it.</summary>
/// <param name="Queue">Event queue under the model.</param>
/// <param name="OnSimulation">True for <c>MultiServerQueue</c> on <c>Simulation</c>; false for <c>DirectMultiServerQueue</c>, the same model calling the queue itself.</param>
/// <param name="Customers">Customers served per run.</param>
/// <param name="Events">Events dispatched per run.</param>
/// <param name="MedianSeconds">Median wall time of a run.</param>
/// <param name="MedianNsPerEvent">Median wall time per dispatched event (scheduling, queue, dispatch, model, random draws).</param>
/// <param name="EventsPerSecond">Events per wall-clock second at the median.</param>
/// <param name="MeanWaitMs">Simulated mean wait in queue (last run).</param>
/// <param name="ErlangCWaitMs">Erlang C mean wait.</param>
public sealed record MmcMeasurement(
    string Queue, bool OnSimulation, long Customers, long Events, double MedianSeconds, double MedianNsPerEvent, double EventsPerSecond,
    double MeanWaitMs, double ErlangCWaitMs);
