using ResumeSim.Engine;

namespace ResumeSim.Bench.Queueing;

/// <summary>
/// The M/M/c model of <see cref="MultiServerQueue"/> written as one loop that calls an
/// <see cref="IEventQueue"/> itself: no <see cref="Simulation"/>, no handlers, no dispatch. The engine
/// benchmark runs both on the same queue; this loop's time per event is the floor the model sets on
/// that queue, and the difference is what <see cref="Simulation"/> adds per event.
/// </summary>
/// <remarks>
/// It schedules in the same order as <see cref="MultiServerQueue"/> (a service before the next arrival,
/// each under the next sequence number, equal times first-in first-out), draws from the same named
/// streams and counts waits with the same <see cref="FcfsLine"/>, so a seed gives the same events and the
/// same mean wait to the last bit (tested). The kind rides in the key's lowest bit, below the sequence.
/// </remarks>
public static class DirectMultiServerQueue
{
    private const long DepartureBit = 1;

    /// <summary>Runs <paramref name="customers"/> customers through c = <paramref name="servers"/> servers on <paramref name="queue"/> (empty).</summary>
    public static QueueRunResult Run(
        IEventQueue queue, int servers, double arrivalRate, double meanService, RandomStreams streams, long customers,
        long warmupCustomers)
    {
        ArgumentNullException.ThrowIfNull(queue);
        MultiServerQueue.CheckModel(streams, servers, customers, warmupCustomers);
        if (queue.Count != 0)
        {
            throw new ArgumentException("The event queue must be empty.", nameof(queue));
        }

        var arrivals = streams.Get("queue.arrivals");
        var services = streams.Get("queue.services");
        double serviceRate = 1.0 / meanService;
        var line = new FcfsLine(warmupCustomers);
        long sequence = 0;
        long now = 0;
        long events = 0;
        long arrived = 0;
        int busy = 0;
        queue.Enqueue(SimTime.FromSeconds(arrivals.NextExponential(arrivalRate)), sequence++ << 1, 0);
        while (queue.TryDequeue(out var next))
        {
            now = next.Time;
            events++;
            if ((next.Key & DepartureBit) == 0)
            {
                if (busy < servers)
                {
                    busy++;
                    line.Start(now, now);
                    queue.Enqueue(now + SimTime.FromSeconds(services.NextExponential(serviceRate)), (sequence++ << 1) | DepartureBit, 0);
                }
                else
                {
                    line.Push(now);
                }

                if (++arrived < customers)
                {
                    queue.Enqueue(now + SimTime.FromSeconds(arrivals.NextExponential(arrivalRate)), sequence++ << 1, 0);
                }
            }
            else if (line.Waiting > 0)
            {
                line.Start(now, line.Pop());
                queue.Enqueue(now + SimTime.FromSeconds(services.NextExponential(serviceRate)), (sequence++ << 1) | DepartureBit, 0);
            }
            else
            {
                busy--;
            }
        }

        return new QueueRunResult(line.MeanWaitSeconds, line.Measured, events, SimTime.ToSeconds(now));
    }
}
