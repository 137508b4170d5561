namespace ResumeSim.Bench;

/// <summary>One queue at one population in the classic hold model.</summary>
/// <param name="Queue">Queue name (PriorityQueue is .NET's <c>PriorityQueue&lt;TElement, TPriority&gt;</c>).</param>
/// <param name="Pending">Events in the queue during the holds.</param>
/// <param name="Holds">Timed holds per run.</param>
/// <param name="MedianNsPerHold">Median over runs of wall time per hold (dequeue + enqueue + one exponential draw).</param>
/// <param name="MinNsPerHold">Fastest run.</param>
/// <param name="MaxNsPerHold">Slowest run.</param>
/// <param name="MedianFillSeconds">Median time to enqueue the initial population.</param>
/// <param name="RatioToPriorityQueue">Median ns/hold divided by PriorityQueue's at the same population (below 1 is faster).</param>
public sealed record HoldMeasurement(
    string Queue, int Pending, long Holds, double MedianNsPerHold, double MinNsPerHold, double MaxNsPerHold,
    double MedianFillSeconds, double RatioToPriorityQueue);
