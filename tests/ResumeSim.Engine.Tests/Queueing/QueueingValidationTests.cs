using MathNet.Numerics.Distributions;
using ResumeSim.Bench.Queueing;
using ResumeSim.Bench.Queues;
using ResumeSim.Engine;
using Xunit.Abstractions;

namespace ResumeSim.Engine.Tests.Queueing;

/// <summary>
/// The engine reproduces queueing theory (DESIGN §7): independent replications, a Student-t
/// confidence interval on the mean wait, and the closed form must fall inside it.
/// </summary>
public sealed class QueueingValidationTests
{
    private const int Replications = 10;
    private readonly ITestOutputHelper _output;

    public QueueingValidationTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Mmc_ThreeServersAtRho08_MeanWaitMatchesErlangC()
    {
        const int servers = 3;
        const double serviceRate = 1000; // 1 ms mean service
        double arrivalRate = 0.8 * servers * serviceRate;
        double expected = QueueingTheory.MmcMeanWait(servers, arrivalRate, serviceRate);
        Assert.Equal(1.0787e-3, expected, 6); // C(3, 2.4) = 0.6472, Wq = 0.6472 / 600 s

        var (mean, halfWidth) = Replicate(rep => new MultiServerQueue(
            new Simulation(), servers, arrivalRate, 1 / serviceRate, ServiceTimeKind.Exponential,
            new RandomStreams(1000 + (ulong)rep), customers: 220_000, warmupCustomers: 20_000).RunToCompletion());

        AssertWithinInterval(expected, mean, halfWidth);
    }

    [Fact]
    public void Md1_AtRho08_MeanWaitMatchesPollaczekKhinchine()
    {
        const double service = 1e-3;
        const double arrivalRate = 800;
        double expected = QueueingTheory.Md1MeanWait(arrivalRate, service);
        Assert.Equal(2e-3, expected, 9); // rho D / (2 (1 - rho)) = 0.8 ms / 0.4

        var (mean, halfWidth) = Replicate(rep => new MultiServerQueue(
            new Simulation(), 1, arrivalRate, service, ServiceTimeKind.Deterministic,
            new RandomStreams(2000 + (ulong)rep), customers: 220_000, warmupCustomers: 20_000).RunToCompletion());

        AssertWithinInterval(expected, mean, halfWidth);
    }

    [Fact]
    public void Mmc_SameSeedTwice_IdenticalWait_OnAnyQueue()
    {
        var streams = new RandomStreams(5);
        double a = new MultiServerQueue(new Simulation(new CalendarQueue()), 2, 1500, 1e-3, ServiceTimeKind.Exponential, streams, 20_000, 0).RunToCompletion().MeanWaitSeconds;
        double b = new MultiServerQueue(new Simulation(new QuaternaryHeap()), 2, 1500, 1e-3, ServiceTimeKind.Exponential, streams, 20_000, 0).RunToCompletion().MeanWaitSeconds;
        Assert.Equal(a, b);
    }

    [Theory]
    [InlineData(8, 6400.0, 1)]
    [InlineData(2, 1950.0, 7)] // near saturation, long lines
    public void DirectLoop_IsTheSameModel_EventsAndWaitToTheLastBit(int servers, double arrivalRate, ulong seed)
    {
        const long customers = 200_000;
        var onSimulation = new MultiServerQueue(new Simulation(), servers, arrivalRate, 1e-3, ServiceTimeKind.Exponential,
            new RandomStreams(seed), customers, customers / 10).RunToCompletion();

        foreach (var queue in new IEventQueue[] { new BucketQueue(), new QuaternaryHeap() })
        {
            var direct = DirectMultiServerQueue.Run(queue, servers, arrivalRate, 1e-3, new RandomStreams(seed), customers, customers / 10);
            Assert.Equal(onSimulation, direct);
        }

        Assert.Equal(2 * customers, onSimulation.EventsProcessed);
    }

    [Fact]
    public void DirectLoop_RefusesAQueueThatIsNotEmpty()
    {
        var queue = new QuaternaryHeap();
        queue.Enqueue(0, 0, 0);
        Assert.Throws<ArgumentException>(() => DirectMultiServerQueue.Run(queue, 1, 1, 1, new RandomStreams(1), 10, 0));
    }

    [Fact]
    public void ErlangC_KnownValues()
    {
        Assert.Equal(0.5, QueueingTheory.ErlangC(1, 0.5), 12); // M/M/1: P(wait) = rho
        Assert.Equal(0.6472, QueueingTheory.ErlangC(3, 2.4), 4);
        Assert.Equal(0.457645, QueueingTheory.ErlangC(8, 6.4), 6); // direct sum formula, computed separately
    }

    private static (double Mean, double HalfWidth) Replicate(Func<int, QueueRunResult> run)
    {
        var means = new double[Replications];
        for (int rep = 0; rep < Replications; rep++)
        {
            means[rep] = run(rep).MeanWaitSeconds;
        }

        double mean = means.Average();
        double sd = Math.Sqrt(means.Sum(m => (m - mean) * (m - mean)) / (Replications - 1));
        double t = StudentT.InvCDF(0, 1, Replications - 1, 0.975);
        return (mean, t * sd / Math.Sqrt(Replications));
    }

    private void AssertWithinInterval(double expected, double mean, double halfWidth)
    {
        _output.WriteLine($"theory {expected * 1e3:F4} ms, simulated {mean * 1e3:F4} ms ± {halfWidth * 1e3:F4} ms (95% CI)");
        // The interval must also be narrow, or the comparison would prove nothing.
        Assert.True(halfWidth < 0.05 * expected, $"95% CI half-width {halfWidth:E3} is too wide for {expected:E3}");
        Assert.InRange(expected, mean - halfWidth, mean + halfWidth);
    }
}
