using ResumeSim.Engine;

namespace ResumeSim.Engine.Tests;

public sealed class SimulationTests
{
    public static TheoryData<string> Queues => EventQueueContractTests.Queues;

    [Theory]
    [MemberData(nameof(Queues))]
    public void Step_EqualTimes_RunFirstInFirstOut(string queueName)
    {
        var sim = new Simulation(EventQueueContractTests.Create(queueName));
        var handler = new RecordingHandler();
        sim.Register(0, handler);
        sim.Register(1, handler);
        for (int i = 0; i < 300; i++)
        {
            sim.Schedule(i % 3 == 0 ? 10 : 5, i % 2, target: i);
        }

        while (sim.Step())
        {
        }

        var targets = handler.Events.Select(e => e.Target).ToList();
        var expected = Enumerable.Range(0, 300).Where(i => i % 3 != 0).Concat(Enumerable.Range(0, 300).Where(i => i % 3 == 0));
        Assert.Equal(expected, targets);
        Assert.All(handler.Events.Zip(handler.Events.Skip(1)), p => Assert.True(p.First.Time < p.Second.Time || p.First.Sequence < p.Second.Sequence));
        Assert.All(handler.Events.Take(200), e => Assert.Equal(5, e.Time));
    }

    [Fact]
    public void Step_EventScheduledForNowInsideHandler_RunsAfterEarlierEventsAtTheSameTime()
    {
        var sim = new Simulation();
        var order = new List<int>();
        sim.Register(0, new RecordingHandler(e =>
        {
            order.Add(e.Target);
            if (e.Target == 1)
            {
                sim.Schedule(sim.Now, 0, target: 99);
            }
        }));
        sim.Schedule(7, 0, 1);
        sim.Schedule(7, 0, 2);
        sim.Run(7);
        Assert.Equal([1, 2, 99], order);
    }

    [Fact]
    public void Schedule_InThePast_Throws()
    {
        var sim = new Simulation();
        sim.Register(0, new RecordingHandler());
        sim.Schedule(100, 0, 0);
        sim.Step();
        Assert.Equal(100, sim.Now);
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.Schedule(99, 0, 0));
        sim.Schedule(100, 0, 0); // "now" itself is allowed
        Assert.Equal(1, sim.Pending);
    }

    [Fact]
    public void ScheduleIn_NegativeDelay_Throws()
    {
        var sim = new Simulation();
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.ScheduleIn(-1, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.Schedule(0, 64, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.Schedule(0, -1, 0));
        Assert.Equal(0, sim.Pending);
    }

    [Fact]
    public void ScheduleIn_AddsDelayToNow()
    {
        var sim = new Simulation();
        var handler = new RecordingHandler();
        sim.Register(3, handler);
        sim.Run(1_000);
        sim.ScheduleIn(SimTime.FromMilliseconds(2), 3, target: 4, arg: 5);
        Assert.True(sim.TryPeek(out var next));
        Assert.Equal(1_000 + 2_000_000, next.Time);
        Assert.Equal((3, 4, 5), (next.Kind, next.Target, next.Arg));
        Assert.Equal(0, sim.EventsProcessed);
    }

    [Fact]
    public void Run_DispatchesEventsUpToAndIncludingUntil_ThenSetsNow()
    {
        var sim = new Simulation();
        var handler = new RecordingHandler();
        sim.Register(0, handler);
        foreach (long t in new long[] { 10, 20, 30, 40 })
        {
            sim.Schedule(t, 0, (int)t);
        }

        sim.Run(30);
        Assert.Equal([10, 20, 30], handler.Events.Select(e => e.Target));
        Assert.Equal(30, sim.Now);
        Assert.Equal(1, sim.Pending);

        sim.Run(35);
        Assert.Equal(35, sim.Now);
        Assert.Equal(3, handler.Events.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.Run(34));

        sim.Run(1_000);
        Assert.Equal(4, handler.Events.Count);
        Assert.Equal(1_000, sim.Now);
        Assert.Equal(4, sim.EventsProcessed);
    }

    [Fact]
    public void Run_EventsScheduledByHandlersInsideTheWindow_AlsoRun()
    {
        var sim = new Simulation();
        int fired = 0;
        sim.Register(0, new RecordingHandler(e =>
        {
            fired++;
            sim.ScheduleIn(10, 0, e.Target + 1);
        }));
        sim.Schedule(0, 0, 0);
        sim.Run(100);
        Assert.Equal(11, fired); // times 0, 10, ..., 100
        Assert.True(sim.TryPeek(out var next));
        Assert.Equal(110, next.Time);
    }

    [Fact]
    public void Step_EmptyQueue_ReturnsFalseAndKeepsNow()
    {
        var sim = new Simulation();
        Assert.False(sim.Step());
        Assert.False(sim.TryPeek(out _));
        Assert.Equal(0, sim.Now);
    }

    [Fact]
    public void Step_KindWithoutHandler_ThrowsClearError()
    {
        var sim = new Simulation();
        sim.Schedule(1, 5, 0);
        var ex = Assert.Throws<InvalidOperationException>(() => sim.Step());
        Assert.Contains("kind 5", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_SecondHandlerForAKind_Throws()
    {
        var sim = new Simulation();
        sim.Register(0, new RecordingHandler());
        Assert.Throws<InvalidOperationException>(() => sim.Register(0, new RecordingHandler()));
    }

    [Fact]
    public void Event_CarriesKindTargetArgAndSequence()
    {
        var sim = new Simulation();
        var handler = new RecordingHandler();
        sim.Register(63, handler);
        sim.Schedule(5, 63, int.MaxValue, int.MinValue);
        sim.Schedule(5, 63, -1, 42);
        sim.Register(0, handler);
        sim.Schedule(5, 0, int.MinValue, -1); // a negative arg must not spill into the target's bits
        sim.Run(5);
        Assert.Equal((5L, 0L, 63, int.MaxValue, int.MinValue), Tuple(handler.Events[0]));
        Assert.Equal((5L, 1L, 63, -1, 42), Tuple(handler.Events[1]));
        Assert.Equal((5L, 2L, 0, int.MinValue, -1), Tuple(handler.Events[2]));
    }

    [Theory]
    [MemberData(nameof(Queues))]
    public void ScheduleReserved_RunsWhereItWouldHaveRunHadItBeenScheduledAtTheReservation(string queueName)
    {
        var sim = new Simulation(EventQueueContractTests.Create(queueName));
        var order = new List<int>();
        long reserved = -1;
        sim.Register(0, new RecordingHandler(e =>
        {
            order.Add(e.Target);
            if (e.Target == 0)
            {
                sim.ScheduleReserved(10, reserved, 0, target: 2); // decided late, placed as at the reservation
            }
        }));
        sim.Schedule(10, 0, target: 1);
        reserved = sim.ReserveSequence();
        sim.Schedule(10, 0, target: 3);
        sim.Schedule(5, 0, target: 0);
        while (sim.Step())
        {
        }

        Assert.Equal([0, 1, 2, 3], order);
    }

    [Fact]
    public void ReserveSequence_NumbersAreNotReusedBySchedule()
    {
        var sim = new Simulation();
        var handler = new RecordingHandler();
        sim.Register(0, handler);
        var reserved = sim.ReserveSequence();
        sim.Schedule(1, 0, target: 7);
        sim.Step();
        Assert.Equal(reserved + 1, handler.Events.Single().Sequence);
    }

    [Fact]
    public void ScheduleReserved_NumberNotReserved_Throws()
    {
        var sim = new Simulation();
        sim.Register(0, new RecordingHandler());
        var reserved = sim.ReserveSequence();
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.ScheduleReserved(1, reserved + 1, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.ScheduleReserved(1, -1, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.ScheduleReserved(1, reserved, Simulation.MaxKinds, 0));
        Assert.Equal(0, sim.Pending);
    }

    [Fact]
    public void ScheduleReserved_BeforeTheEventBeingDispatched_Throws()
    {
        var sim = new Simulation();
        var early = sim.ReserveSequence();
        var errors = new List<Exception>();
        sim.Register(0, new RecordingHandler(e =>
        {
            errors.Add(Assert.Throws<ArgumentOutOfRangeException>(() => sim.ScheduleReserved(e.Time - 1, early, 0, 9)));
            errors.Add(Assert.Throws<ArgumentOutOfRangeException>(() => sim.ScheduleReserved(e.Time, early, 0, 9)));
        }));
        sim.Register(1, new RecordingHandler());
        sim.Schedule(50, 0, target: 0);
        var late = sim.ReserveSequence();
        sim.Step();
        Assert.Equal(2, errors.Count);
        Assert.Equal(0, sim.Pending);

        // The same time with a later sequence than the last event dispatched is still ahead of it.
        sim.ScheduleReserved(50, late, 1, 8);
        Assert.Equal(1, sim.Pending);
        Assert.True(sim.Step());
        Assert.Equal(50, sim.Now);
    }

    [Fact]
    public void ScheduleReserved_AfterRunMovedTheClockPastTheLastEvent_IsAccepted()
    {
        var sim = new Simulation();
        var handler = new RecordingHandler();
        sim.Register(0, handler);
        var early = sim.ReserveSequence();
        sim.Schedule(10, 0, target: 1);
        sim.Run(20);

        sim.ScheduleReserved(20, early, 0, target: 2); // nothing ran at 20, so this is still ahead
        sim.Run(20);
        Assert.Equal([1, 2], handler.Events.Select(e => e.Target));
    }

    [Fact]
    public void Simulation_NonEmptyQueue_Rejected()
    {
        var queue = new QuaternaryHeap();
        queue.Enqueue(1, 1);
        Assert.Throws<ArgumentException>(() => new Simulation(queue));
    }

    private static (long, long, int, int, int) Tuple(Event e) => (e.Time, e.Sequence, e.Kind, e.Target, e.Arg);
}
