namespace ResumeSim.Scenarios.Tests.Hostile;

/// <summary>
/// Values each in range whose run could not be held or would not end are refused while loading,
/// which both validate and run do, with the reason, the limit and the key that drives it.
/// </summary>
public sealed class RunBudgetTests
{
    private const string Base = """
        name: t
        duration: 10m
        warmup: 0s
        clients:
          count: 100
          visits: {rate: 4/h}
        strategies:
          - name: none
            resumption: off
        """;

    [Fact]
    public void Parse_TwoBillionClients_IsRefusedAtCountForMemory()
    {
        var error = ScenarioText.AssertError(Base.Replace("count: 100", "count: 2147483647", StringComparison.Ordinal), 5, 10, "memory limit of 64 GiB");

        Assert.Contains("clients 1400 GiB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MemoryJustOverARaisedOrLoweredLimit_IsRefusedAndJustUnderIsNot()
    {
        var text = Base.Replace("count: 100", "count: 10000", StringComparison.Ordinal);
        var needed = ScenarioText.Parse(text).Base.Clients.Count * 700L; // the clients' part dominates here

        Assert.Throws<ScenarioException>(() => ScenarioText.Parse(text, new ScenarioOverrides(MemoryLimitBytes: needed)));
        Assert.Single(ScenarioText.Parse(text, new ScenarioOverrides(MemoryLimitBytes: needed + (1 << 20))).Points);
    }

    [Fact]
    public void Parse_TwoMillionServersFromScaleOuts_IsRefusedAtTheServersForMemory()
    {
        var faults = string.Concat(Enumerable.Range(0, 200).Select(_ => "  - {at: 1m, scale_out: 10000}\n"));
        var text = Base + "\nfarm: {servers: 1, cores: 1024}\nfaults:\n" + faults;

        // 2,000,001 servers x (16 KiB + 1024 cores x 64 B), and their per-server time series of 600 buckets.
        ScenarioText.AssertError(text, 10, 17, "one simulation would need about", "(servers 152.6 GiB, time series 53.6 GiB)", "memory limit of 64 GiB");
    }

    [Fact]
    public void Parse_AYearOfMillisecondBuckets_IsRefusedNamingTheBucketLimit()
    {
        var text = Base.Replace("duration: 10m", "duration: 365d", StringComparison.Ordinal) + "\noutput: {bucket: 1ms}";

        var error = ScenarioText.AssertError(text, 10, 18, $"more than the limit of {ScenarioLimits.MaxBuckets}", "31536000000 time-series buckets");

        Assert.Contains("at least 31536ms", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AYearOfMinuteBuckets_IsAccepted()
    {
        var text = Base.Replace("duration: 10m", "duration: 365d", StringComparison.Ordinal) + "\noutput: {bucket: 1m}";

        Assert.Single(ScenarioText.Parse(text).Points);
    }

    [Fact]
    public void Parse_ServersTimesBuckets_PastAnArray_IsRefused()
    {
        var text = Base.Replace("duration: 10m", "duration: 365d", StringComparison.Ordinal) + "\noutput: {bucket: 1m}\nfarm: {servers: 100000}";

        ScenarioText.AssertError(text, 11, 17, "per-server buckets, more than the limit of");
    }

    [Theory]
    [InlineData("{at: 1m, surge: 2, for: 366d}", "faults[0].for: 366d is out of range")]
    [InlineData("{at: 1m, restart: server-1, down: 366d}", "faults[0].down: 366d is out of range")]
    public void Parse_FaultWindowPastAYear_IsRefusedSoTheClockCannotOverflow(string fault, string message)
    {
        var errors = ScenarioText.Errors(Base + $"\nfaults:\n  - {fault}");

        Assert.Contains(errors, e => e.Line == 11 && e.Message.Contains(message, StringComparison.Ordinal) && e.Message.Contains("365d", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_ThousandDayCost_IsRefused()
    {
        ScenarioText.AssertError(Base + "\ncosts: {fixed: 1000d}", 10, 16, "costs.fixed", "from 0 to 1s");
    }

    [Theory]
    [InlineData("-0s")]
    [InlineData("-0")]
    [InlineData("-0.0us")]
    public void Parse_NegativeZeroCost_IsZero(string cost)
    {
        var plan = ScenarioText.Parse(Base + $"\ncosts: {{fixed: {cost}}}");

        Assert.True(plan.Base.Costs.IsFree);
        Assert.Equal("fixed-0", plan.Base.Costs.Name);
    }

    [Fact]
    public void Parse_ParetoShapeJustAboveOne_IsRefusedWithTheShapeNeeded()
    {
        var text = Base.Replace("{rate: 4/h}", "{rate: 4/h, process: pareto, shape: 1.0001}", StringComparison.Ordinal);

        var error = ScenarioText.AssertError(text, 6, 47, "clients.visits.shape: 1.0001", $"limit of {ScenarioLimits.MaxTailFactor} times", "a shape of at least");

        Assert.Contains("about 497 times", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ParetoDefaultShape_IsAccepted()
    {
        var text = Base.Replace("{rate: 4/h}", "{rate: 4/h, process: pareto}", StringComparison.Ordinal);

        Assert.Single(ScenarioText.Parse(text).Points);
    }

    [Fact]
    public void Parse_ParetoShapeTheMessageAsksFor_IsAccepted()
    {
        var text = Base.Replace("{rate: 4/h}", "{rate: 4/h, process: pareto, shape: 1.0001}", StringComparison.Ordinal);
        var message = ScenarioText.Errors(text).Single().Message;
        var shape = message[(message.IndexOf("at least ", StringComparison.Ordinal) + 9)..].Split(' ')[0];

        Assert.Single(ScenarioText.Parse(text.Replace("1.0001", shape, StringComparison.Ordinal)).Points);
    }

    [Fact]
    public void Parse_LognormalSigmaFive_IsRefusedWithTheSigmaNeeded()
    {
        var text = Base.Replace("{rate: 4/h}", "{rate: 4/h, process: lognormal, sigma: 5}", StringComparison.Ordinal);

        ScenarioText.AssertError(text, 6, 50, "clients.visits.sigma: 5", "a sigma of at most");
    }

    [Fact]
    public void Parse_OneClientVisitingAHundredThousandTimesASecond_IsRefusedForItsVisitCounter()
    {
        var text = Base.Replace("count: 100", "count: 1", StringComparison.Ordinal).Replace("4/h", "100000/s", StringComparison.Ordinal).Replace("10m", "1h", StringComparison.Ordinal);

        ScenarioText.AssertError(text, 6, 18, "the busiest client would visit about 3.6e8 times", "32-bit");
    }

    [Fact]
    public void Parse_ZipfConcentratingEveryVisitOnOneClient_IsRefusedForItsVisitCounter()
    {
        // Exponent 10 gives client 1 nearly every visit of ten million clients: about 10^8 an hour.
        var text = Base.Replace("count: 100", "count: 10000000\n  popularity: {zipf: 10}", StringComparison.Ordinal)
            .Replace("4/h", "10/h", StringComparison.Ordinal).Replace("10m", "2h", StringComparison.Ordinal);

        Assert.Contains(ScenarioText.Errors(text), e => e.Message.Contains("the busiest client would visit", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_ConnectionsPastTheRunLimit_AreRefused()
    {
        var text = Base.Replace("count: 100", "count: 20000000", StringComparison.Ordinal).Replace("4/h", "300/h", StringComparison.Ordinal).Replace("10m", "1d", StringComparison.Ordinal);

        ScenarioText.AssertError(text, 6, 18, "connections, more than the limit of 1e11");
    }

    [Fact]
    public void Parse_SweepPointThatCannotBeHeld_IsRefusedAtThatPoint()
    {
        var text = Base + "\nsweep:\n  clients.count: [100, 2147483647]";

        var errors = ScenarioText.Errors(text);

        var error = Assert.Single(errors);
        Assert.StartsWith("at sweep point 1 (clients.count=2147483647): one simulation would need", error.Message, StringComparison.Ordinal);
    }
}
