using ResumeSim.Model.Completion;
using ResumeSim.Model.Configuration;
using ResumeSim.Model.World;
using ResumeSim.Tls;

namespace ResumeSim.Model.Tests.Completion;

public sealed class FlightTimingTests
{
    [Theory]
    [InlineData(1000, 0)]
    [InlineData(14600, 0)]
    [InlineData(14601, 1)]
    [InlineData(43800, 1)]
    [InlineData(43801, 2)]
    public void ExtraRoundTrips_FollowSlowStartFromTenSegments(int bytes, int expected) =>
        Assert.Equal(expected, FlightTiming.ExtraRoundTripsForFlight(bytes, new NetworkConfig()));

    [Fact]
    public void Tls12FullHandshake_NeedsOneMoreRoundTripThanEveryOtherOutcome()
    {
        Assert.Equal(1, FlightTiming.RoundTripsAfterServerFlight(ProtocolVersion.Tls12, HandshakeOutcome.Full));
        Assert.Equal(0, FlightTiming.RoundTripsAfterServerFlight(ProtocolVersion.Tls12, HandshakeOutcome.ResumedById));
        Assert.Equal(0, FlightTiming.RoundTripsAfterServerFlight(ProtocolVersion.Tls13, HandshakeOutcome.Full));
        Assert.Equal(0, FlightTiming.RoundTripsAfterServerFlight(ProtocolVersion.Tls13, HandshakeOutcome.PskDhe));
    }
}
