namespace ResumeSim.Scenarios.Tests.Hostile;

/// <summary>Sweep grids are counted without overflow and refused past their limits before any point is built.</summary>
public sealed class SweepLimitTests
{
    private const string Base = """
        name: t
        seed: 1
        duration: 10m
        warmup: 0s
        replications: 1
        clients:
          count: 100
          visits: {rate: 4/h}
        network: {initcwnd: 10, mss: 1460}
        farm: {servers: 1, cores: 1, workers: 1}
        strategies:
          - name: none
            resumption: off
        """;

    [Fact]
    public void Parse_EightKeysOf256Values_IsRefusedNotWrappedToZero()
    {
        // 256^8 = 2^64 wraps a 64-bit product to 0, which once passed the limit.
        string[] keys = ["seed", "duration", "replications", "clients.count", "network.initcwnd", "network.mss", "farm.servers", "farm.cores"];
        var values = "[" + string.Join(", ", Enumerable.Range(1, 256)) + "]";
        var text = Base + "\nsweep:\n" + string.Concat(keys.Select(k => $"  {k}: {values}\n"));

        var error = ScenarioText.AssertError(text, 14, 1, $"more than the limit of {ScenarioLimits.MaxSweepPoints}");

        Assert.Contains("256 x 256 x 256 x 256 x 256 x 256 x 256 x 256 = 1.84e19", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_GridAtThePointLimit_IsNotRefusedForItsSize()
    {
        var hundred = "[" + string.Join(", ", Enumerable.Range(1, 100)) + "]";
        var text = Base + $"\nsweep:\n  seed: {hundred}\n  clients.count: {hundred}\n";

        Assert.Equal(ScenarioLimits.MaxSweepPoints, ScenarioText.Parse(text).Points.Count);
    }

    [Fact]
    public void Parse_RunsPastTheLimit_AreRefused()
    {
        var points = "[" + string.Join(", ", Enumerable.Range(1, 501)) + "]";
        var text = Base.Replace("replications: 1", "replications: 1000", StringComparison.Ordinal)
            .Replace("  - name: none\n    resumption: off", "  - {name: a, resumption: off}\n  - {name: b, resumption: off}", StringComparison.Ordinal)
            + $"\nsweep:\n  seed: {points}\n";

        ScenarioText.AssertError(text, 14, 1, "501 sweep points x 2 strategies x 1000 replications is 1002000 runs", $"limit of {ScenarioLimits.MaxRuns}");
    }

    [Fact]
    public void Parse_SweepOfALargeFile_IsRefusedForTheCopiesItMakes()
    {
        // 400 strategies of 5 nodes each, copied for each of 10,000 points.
        var strategies = string.Concat(Enumerable.Range(0, 400).Select(i => $"  - {{name: s{i}, resumption: off}}\n"));
        var hundred = "[" + string.Join(", ", Enumerable.Range(1, 100)) + "]";
        var text = Base.Replace("  - name: none\n    resumption: off", "", StringComparison.Ordinal).TrimEnd()
            + "\n" + strategies + $"sweep:\n  seed: {hundred}\n  clients.count: {hundred}\n";

        Assert.Contains(ScenarioText.Errors(text), e => e.Message.Contains($"more than the limit of {ScenarioLimits.MaxSweepNodes} nodes", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_SweepKeyOfManyDottedParts_IsRefused()
    {
        // 500 parts in 999 characters: YAML allows an implicit key of up to 1024.
        var key = string.Join('.', Enumerable.Repeat("a", 500));

        Assert.Contains(ScenarioText.Errors(Base + $"\nsweep:\n  {key}: [1, 2]\n"), e => e.Line == 15 && e.Message.Contains("dotted parts", StringComparison.Ordinal));
    }
}
