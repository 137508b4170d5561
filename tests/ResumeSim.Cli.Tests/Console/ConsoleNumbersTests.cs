namespace ResumeSim.Cli.Tests.Console;

public sealed class ConsoleNumbersTests
{
    [Theory]
    [InlineData(0.486, "48.6%")]
    [InlineData(0.0412, "4.12%")]
    [InlineData(0.00654, "0.654%")]
    [InlineData(0.00018, "0.018%")]
    [InlineData(0.00001, "0.001%")]
    [InlineData(0.000004, "<0.001%")]
    [InlineData(0.0, "0%")]
    [InlineData(1.0, "100.0%")]
    public void Percent_SmallLoads_KeepSignificantDigits(double fraction, string expected)
    {
        Assert.Equal(expected, ConsoleNumbers.Percent(fraction));
    }
}
