using ResumeSim.Model.Configuration;

namespace ResumeSim.Scenarios.Tests;

/// <summary><c>warmup</c>: a duration as written, <c>auto</c>, or <c>{auto: MAX}</c> (docs/scenarios.md, docs/steady-state.md).</summary>
public sealed class WarmupKeyTests
{
    [Fact]
    public void Warmup_Duration_IsWrittenAndNotSearched()
    {
        var config = ScenarioText.Parse(ScenarioText.Minimal + "\nwarmup: 40m").Base;

        Assert.Equal(TimeSpan.FromMinutes(40), config.Warmup);
        Assert.Null(config.AutoWarmup);
    }

    [Fact]
    public void Warmup_Zero_IsAWrittenWarmup()
    {
        var config = ScenarioText.Parse(ScenarioText.Minimal + "\nwarmup: 0").Base;

        Assert.Equal(TimeSpan.Zero, config.Warmup);
        Assert.Null(config.AutoWarmup);
    }

    [Theory]
    [InlineData("warmup: auto")]
    [InlineData("")]
    public void Warmup_AutoOrMissing_SearchesWithATwoHourPilot(string line)
    {
        var config = ScenarioText.Parse(ScenarioText.Minimal + "\n" + line).Base;

        Assert.Equal(new AutoWarmupConfig(TimeSpan.FromHours(2)), config.AutoWarmup);
    }

    [Fact]
    public void Warmup_AutoWithMax_UsesThatPilot()
    {
        var config = ScenarioText.Parse(ScenarioText.Minimal + "\nwarmup: {auto: 210m}").Base;

        Assert.Equal(new AutoWarmupConfig(TimeSpan.FromMinutes(210)), config.AutoWarmup);
    }

    [Fact]
    public void Warmup_CanBeSweptBetweenWrittenAndAuto()
    {
        var plan = ScenarioText.Parse(ScenarioText.Minimal + "\nwarmup: 5m\nsweep:\n  warmup: [5m, auto]");

        Assert.Null(plan.Points[0].Config.AutoWarmup);
        Assert.NotNull(plan.Points[1].Config.AutoWarmup);
    }

    [Theory]
    [InlineData("warmup: soon", 9, 9, "'soon' is neither a duration nor auto", "{auto: MAX}")]
    [InlineData("warmup: {auto: 0}", 9, 16, "warmup.auto: 0 is out of range", "between 1s and 365d")]
    [InlineData("warmup: {auto: later}", 9, 16, "'later' is not a duration")]
    [InlineData("warmup: {max: 2h}", 9, 10, "'max' is not a key of warmup; expected one of: auto")]
    [InlineData("warmup: {}", 9, 9, "missing required key 'auto' in warmup")]
    [InlineData("warmup: [10m]", 9, 9, "expected a duration (10m), auto, or {auto: MAX}")]
    public void Warmup_BadForms_AreReportedAtTheValue(string line, int row, int column, params string[] fragments)
    {
        ScenarioText.AssertError(ScenarioText.Minimal + "\n" + line, row, column, fragments);
    }
}
