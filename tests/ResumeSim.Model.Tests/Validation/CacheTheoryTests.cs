using ResumeSim.Model.Configuration;
using ResumeSim.Model.Validation;

namespace ResumeSim.Model.Tests.Validation;

public sealed class CacheTheoryTests
{
    [Fact]
    public void TtlFormulas_MatchHandComputedValues()
    {
        Assert.Equal(1.0 / 3, CacheTheory.TtlFromCreation(6.0 / 3600, 300), 12);
        Assert.Equal(1 - Math.Exp(-0.5), CacheTheory.TtlRefreshedOnHit(6.0 / 3600, 300), 12);
    }

    [Fact]
    public void Che_WithEqualRates_GivesCapacityOverItems()
    {
        // Equal rates: every item has the same hit probability and the occupancy is C, so hit = C/N.
        var rates = Enumerable.Repeat(0.01, 1000).ToArray();

        Assert.Equal(0.25, CacheTheory.CheLru(rates, 250), 9);
        Assert.Equal(0.25, CacheTheory.FifoCharacteristicTime(rates, 250), 9);
    }

    [Fact]
    public void Che_SkewedPopularity_BeatsUniformAndLruBeatsFifo()
    {
        var zipf = VisitRates.Of(new ClientsConfig { Count = 5000, VisitsPerSecond = 0.001, Popularity = PopularityConfig.Zipf(0.8) });

        var lru = CacheTheory.CheLru(zipf, 500);
        var fifo = CacheTheory.FifoCharacteristicTime(zipf, 500);

        Assert.InRange(lru, 0.1 + 1e-3, 1);
        Assert.True(lru > fifo, $"LRU {lru} should beat FIFO {fifo} under IRM");
    }

    [Fact]
    public void Che_CapacityAboveItems_HitsEverything() =>
        Assert.Equal(1, CacheTheory.CheLru([1.0, 2.0], 5));

    [Fact]
    public void MD1_MatchesPollaczekKhinchine()
    {
        Assert.Equal(0.7 * 0.001 / (2 * 0.3), QueueTheory.MD1Wait(700, 0.001), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => QueueTheory.MD1Wait(1000, 0.001));
    }

    [Fact]
    public void MMc_OneCore_IsMM1()
    {
        // M/M/1: Wq = rho / (mu - lambda).
        Assert.Equal(0.8 / (1000 - 800), QueueTheory.MMcWait(800, 0.001, 1), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => QueueTheory.MMcWait(4000, 0.001, 4));
    }

    [Fact]
    public void MMc_FourCoresAtLoadPointEight_MatchesTheErlangCTable()
    {
        // C(4, 3.2) = 0.5964 (Erlang C tables); Wq = C / (c mu - lambda) = 0.5964 / 800 s.
        Assert.Equal(0.5964 / 800, QueueTheory.MMcWait(3200, 0.001, 4), 6);
    }

    [Theory]
    [InlineData(2, 6, 1.0 / 3)]
    [InlineData(6, 6, 1.0)]
    [InlineData(8, 6, 1.0)]
    [InlineData(1, 4, 0.25)]
    public void TicketDepletion_IsTheRefreshedTtlTimesTheShareOfConnectionsATicketCovers(int held, int connections, double share)
    {
        var ttl = CacheTheory.TtlRefreshedOnHit(6.0 / 3600, 300);

        Assert.Equal(ttl * share, CacheTheory.TicketDepletion(6.0 / 3600, 300, held, connections), 12);
    }

    [Fact]
    public void VisitRates_KeepTheMeanRate()
    {
        var rates = VisitRates.Of(new ClientsConfig { Count = 1000, VisitsPerSecond = 0.002, Popularity = PopularityConfig.Zipf(1.1) });

        Assert.Equal(0.002, rates.Average(), 12);
        Assert.True(rates[0] > rates[1]);
    }
}
