using ResumeSim.Bench.Queues;
using ResumeSim.Engine;

namespace ResumeSim.Engine.Tests;

public sealed class SimulationDeterminismTests
{
    private static readonly long Horizon = SimTime.FromSeconds(600);

    [Fact]
    public void Trace_SameSeed_IsByteIdentical()
    {
        string first = new TraceWorkload(new Simulation(), seed: 42, clients: 500).Run(Horizon);
        string second = new TraceWorkload(new Simulation(), seed: 42, clients: 500).Run(Horizon);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Trace_DifferentSeed_Differs()
    {
        string first = new TraceWorkload(new Simulation(), seed: 42, clients: 500).Run(Horizon);
        string other = new TraceWorkload(new Simulation(), seed: 43, clients: 500).Run(Horizon);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Trace_IsTheSameOnEveryQueue()
    {
        // The queue is an implementation detail: (time, sequence) fixes the order completely.
        string calendar = new TraceWorkload(new Simulation(new CalendarQueue()), 7, 300).Run(Horizon);
        string binary = new TraceWorkload(new Simulation(new BinaryHeap()), 7, 300).Run(Horizon);
        string quaternary = new TraceWorkload(new Simulation(new QuaternaryHeap()), 7, 300).Run(Horizon);
        string bucket = new TraceWorkload(new Simulation(new BucketQueue()), 7, 300).Run(Horizon);
        Assert.Equal(calendar, binary);
        Assert.Equal(calendar, quaternary);
        Assert.Equal(calendar, bucket);
    }

    [Theory]
    [MemberData(nameof(SimulationTests.Queues), MemberType = typeof(SimulationTests))]
    public void Step_SteadyStateHold_AllocatesNothing(string queueName)
    {
        var sim = new Simulation(EventQueueContractTests.Create(queueName));
        var hold = new HoldHandler(sim, new RandomStream(3));
        sim.Register(0, hold);
        for (int i = 0; i < 10_000; i++)
        {
            sim.Schedule(SimTime.FromSeconds(hold.Rng.NextExponential(1.0)), 0, i);
        }

        for (int i = 0; i < 200_000; i++)
        {
            sim.Step();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100_000; i++)
        {
            sim.Step();
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(10_000, sim.Pending);
        Assert.True(allocated < 1_000, $"{allocated} bytes allocated in 100k holds");
    }

    private sealed class HoldHandler(Simulation sim, RandomStream rng) : IEventHandler
    {
        public RandomStream Rng { get; } = rng;

        public void Handle(in Event e) => sim.ScheduleIn(SimTime.FromSeconds(Rng.NextExponential(1.0)), 0, e.Target);
    }
}
