using ResumeSim.Engine;
using ResumeSim.Model.Arrivals;
using ResumeSim.Model.Balancing;
using ResumeSim.Model.Servers;
using ResumeSim.Model.World;
using ResumeSim.Tls;

namespace ResumeSim.Model.Tests.World;

/// <summary>The farm's small parts on their own: surge time change, key push order, stick table bounds.</summary>
public sealed class FarmPartsTests
{
    private static readonly long Second = SimTime.TicksPerSecond;

    [Fact]
    public void VisitRateTimeline_WithoutSurges_IsTheBaseGap()
    {
        var timeline = new VisitRateTimeline([]);

        Assert.True(timeline.IsEmpty);
        Assert.Equal(105 * Second, timeline.Next(5 * Second, 100 * Second));
    }

    [Fact]
    public void VisitRateTimeline_GapInsideASurge_ShrinksByTheMultiplier()
    {
        var timeline = new VisitRateTimeline([(100 * Second, 200 * Second, 4.0)]);

        Assert.Equal(110 * Second, timeline.Next(100 * Second, 40 * Second));
    }

    [Fact]
    public void VisitRateTimeline_GapAcrossASurge_SpendsBaseTimeAtEachRate()
    {
        var timeline = new VisitRateTimeline([(100 * Second, 110 * Second, 3.0)]);

        // 90 s at base rate to the surge, 10 s of surge use 30 s of base gap, 30 s left after it.
        Assert.Equal(140 * Second, timeline.Next(10 * Second, 150 * Second));
        Assert.Equal(50 * Second, timeline.Next(10 * Second, 40 * Second));
    }

    [Fact]
    public void VisitRateTimeline_OverlappingSurges_AreRefused()
    {
        Assert.Throws<ArgumentException>(() => new VisitRateTimeline([(0, 10 * Second, 2.0), (5 * Second, 20 * Second, 2.0)]));
    }

    [Fact]
    public void KeyDistribution_PushesEachKeyToServersOneAfterAnother()
    {
        var keys = Distribution(propagation: 60 * Second, servers: 4, maxServers: 5);

        Assert.Equal(0, keys.DeliveryTime(0, 3));
        Assert.Equal(600 * Second, keys.DeliveryTime(1, 0));
        Assert.Equal(620 * Second, keys.DeliveryTime(1, 1));
        Assert.Equal(660 * Second, keys.DeliveryTime(1, 3));
        Assert.Equal(1260 * Second, keys.DeliveryTime(2, 4));
    }

    [Fact]
    public void KeyDistribution_ServerSealsWithTheNewestKeyItHolds()
    {
        var keys = Distribution(propagation: 60 * Second, servers: 4, maxServers: 4);
        var early = keys.RingFor(0, 0, new FixedBytes(1));
        var late = keys.RingFor(3, 0, new FixedBytes(2));

        keys.Deliver(0, early, 630 * Second);
        keys.Deliver(3, late, 630 * Second);

        Assert.Equal(2, early.ActiveKeys.Count);
        Assert.Single(late.ActiveKeys);
        Assert.NotEqual(early.CurrentKey!.NameValue, late.CurrentKey!.NameValue);
        Assert.Equal(early.ActiveKeys[1].NameValue, late.CurrentKey!.NameValue);
    }

    [Fact]
    public void KeyDistribution_WithoutDelay_SharesOneRing()
    {
        var keys = Distribution(propagation: 0, servers: 4, maxServers: 4);

        Assert.False(keys.Distributed);
        Assert.Same(keys.RingFor(0, 0, new FixedBytes(1)), keys.RingFor(3, 0, new FixedBytes(2)));
    }

    [Fact]
    public void SourceHash_ChooseIsPure_AskingAheadChangesNothing()
    {
        // The world's prefetch asks a source-hash balancer where a ClientHello will go before it arrives:
        // that is only sound because asking twice, or asking first, gives the same answer.
        var servers = new ServerNode[7];
        var hash = new SourceHashBalancer(servers, 7, seed: 3);
        hash.SetLive([0, 2, 3, 6]);
        for (int client = 0; client < 500; client++)
        {
            var request = new BalancerRequest(client, (ulong)client, Id((byte)((client % 250) + 1)), Second);
            var asked = hash.Choose(request);
            Assert.Equal(asked, hash.Choose(request with { ConnectionKey = 99, Now = 5 * Second }));
            Assert.Contains(asked, new[] { 0, 2, 3, 6 });
        }
    }

    [Fact]
    public void StickTable_WhenFull_DropsTheOldestAndCountsIt()
    {
        var servers = new ServerNode[2];
        var sticky = new SessionStickyBalancer(servers, 2, new RoundRobinBalancer(servers, 2), size: 2, expiryTicks: 60 * Second);
        var a = Id(1);
        var b = Id(2);
        var c = Id(3);

        sticky.OnSessionIssued(a, 1, 0);
        sticky.OnSessionIssued(b, 1, 0);
        sticky.OnSessionIssued(c, 1, 0);

        Assert.Equal(1, sticky.Evictions);
        Assert.Equal(1, sticky.Choose(new BalancerRequest(0, 0, c, Second)));
        Assert.Equal(0, sticky.Choose(new BalancerRequest(0, 0, a, Second)));
    }

    [Fact]
    public void StickTable_ServerNotLive_FallsBack()
    {
        var servers = new ServerNode[3];
        var sticky = new SessionStickyBalancer(servers, 3, new RoundRobinBalancer(servers, 3), size: 10, expiryTicks: 60 * Second);
        sticky.OnSessionIssued(Id(1), 2, 0);

        sticky.SetLive([0, 1]);

        Assert.NotEqual(2, sticky.Choose(new BalancerRequest(0, 0, Id(1), Second)));
    }

    private static KeyDistribution Distribution(long propagation, int servers, int maxServers) =>
        new(new TicketRotatorOptions(TicketCipher.Aes128CbcHmacSha256, 600 * Second, 3600 * Second, 64, 7200 * Second, true),
            new RandomStreams(5).Get("keys"), propagation, servers, maxServers);

    private static SessionId Id(byte b) => SessionId.FromBytes(Enumerable.Repeat(b, SessionId.Length).ToArray());

    private sealed class FixedBytes(byte value) : IRandomBytes
    {
        public void Fill(Span<byte> destination) => destination.Fill(value);
    }
}
