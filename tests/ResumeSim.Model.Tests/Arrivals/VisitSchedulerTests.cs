using ResumeSim.Engine;
using ResumeSim.Model.Arrivals;
using ResumeSim.Model.World;

namespace ResumeSim.Model.Tests.Arrivals;

/// <summary>When visits are scheduled, and which visits come back without their sessions.</summary>
public sealed class VisitSchedulerTests
{
    private static readonly long Hour = SimTime.FromTimeSpan(TimeSpan.FromHours(1));

    [Fact]
    public void ScheduleFirst_OneVisitPerClient_NoneAtOrAfterTheEnd()
    {
        var scenario = TestScenarios.OneServer(TestScenarios.Ids(), clients: 500, visitsPerHour: 6);
        var sim = new Simulation();
        var clients = new ClientPopulation(scenario.Clients, 42);
        var scheduler = new VisitScheduler(sim, clients, scenario.Clients, 42, new VisitRateTimeline([]), end: Hour);

        scheduler.ScheduleFirst();

        // Six visits an hour: almost every client's first visit falls inside the hour, never after it.
        Assert.InRange(sim.Pending, 490, 500);
        var handler = new Recorder();
        sim.Register(EventKinds.Visit, handler);
        sim.Run(long.MaxValue);
        Assert.All(handler.Times, t => Assert.True(t < Hour));
        Assert.Equal(sim.EventsProcessed, handler.Times.Count);
    }

    [Fact]
    public void ScheduleNextVisit_SurgeShortensTheGap()
    {
        var scenario = TestScenarios.OneServer(TestScenarios.Ids(), clients: 1, visitsPerHour: 6);
        var clients = new ClientPopulation(scenario.Clients, 42);
        var calm = new Simulation();
        var surged = new Simulation();
        new VisitScheduler(calm, clients, scenario.Clients, 42, new VisitRateTimeline([]), long.MaxValue).ScheduleNextVisit(0, 0);
        new VisitScheduler(surged, clients, scenario.Clients, 42, new VisitRateTimeline([(0, long.MaxValue, 10.0)]), long.MaxValue).ScheduleNextVisit(0, 0);

        Assert.True(calm.TryPeek(out var calmVisit));
        Assert.True(surged.TryPeek(out var surgedVisit));
        Assert.InRange(surgedVisit.Time, (calmVisit.Time / 10) - 1, (calmVisit.Time / 10) + 1);
    }

    [Fact]
    public void LostSessions_WithoutChurnOrMobileClients_IsNeverTrue()
    {
        var scenario = TestScenarios.OneServer(TestScenarios.Ids(), clients: 10);
        var clients = new ClientPopulation(scenario.Clients, 42);
        var scheduler = new VisitScheduler(new Simulation(), clients, scenario.Clients, 42, new VisitRateTimeline([]), Hour);

        for (var c = 0; c < 10; c++)
        {
            clients[c].VisitCounter++;
            Assert.False(scheduler.LostSessions(c, 1000));
        }
    }

    [Fact]
    public void LostSessions_FullChurn_EveryVisitComesFromANewClient()
    {
        var scenario = TestScenarios.OneServer(TestScenarios.Ids(), clients: 10);
        scenario = scenario with { Clients = scenario.Clients with { Churn = 1.0 } };
        var clients = new ClientPopulation(scenario.Clients, 42);
        var scheduler = new VisitScheduler(new Simulation(), clients, scenario.Clients, 42, new VisitRateTimeline([]), Hour);

        for (var c = 0; c < 10; c++)
        {
            clients[c].VisitCounter++;
            Assert.True(scheduler.LostSessions(c, 1000));
        }
    }

    private sealed class Recorder : IEventHandler
    {
        public List<long> Times { get; } = [];

        public void Handle(in Event e) => Times.Add(e.Time);
    }
}
