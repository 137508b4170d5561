using ResumeSim.Engine;

namespace ResumeSim.Engine.Tests;

public sealed class SimulationTimeProviderTests
{
    [Fact]
    public void GetUtcNow_IsEpochPlusSimulatedTime()
    {
        var sim = new Simulation();
        var epoch = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        TimeProvider clock = sim.AsTimeProvider(epoch);
        Assert.Equal(epoch, clock.GetUtcNow());

        sim.Run(SimTime.FromSeconds(90) + 150); // 150 ns is below DateTimeOffset resolution
        Assert.Equal(epoch.AddSeconds(90).AddTicks(1), clock.GetUtcNow());
        Assert.Equal(TimeSpan.FromSeconds(90), clock.GetElapsedTime(0, SimTime.FromSeconds(90)));
        Assert.Equal(sim.Now, clock.GetTimestamp());
    }

    [Fact]
    public void CreateTimer_IsNotSupported_WithAClearMessage()
    {
        var clock = new SimulationTimeProvider(new Simulation(), DateTimeOffset.UnixEpoch);
        var ex = Assert.Throws<NotSupportedException>(() => clock.CreateTimer(_ => { }, null, TimeSpan.Zero, TimeSpan.Zero));
        Assert.Contains("Schedule an event", ex.Message, StringComparison.Ordinal);
    }
}
