using ResumeSim.Results.Report;

namespace ResumeSim.Results.Tests.Report;

public sealed class ReportFormatTests
{
    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(12.125, "12.13")]
    [InlineData(0.0561234, "0.05612")]
    [InlineData(999.96, "1000")]
    [InlineData(1234567.8, "1,234,568")]
    [InlineData(-0.5, "-0.5")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void Number_KeepsFourSignificantDigits_AndEveryIntegerDigit(double value, string expected) =>
        Assert.Equal(expected, ReportFormat.Number(value));

    [Theory]
    [InlineData(0.7703, ReportUnit.Fraction, "77.03%")]
    [InlineData(double.NaN, ReportUnit.Fraction, "NaN")]
    [InlineData(86.4, ReportUnit.Milliseconds, "86.4")]
    public void Display_ShowsFractionsAsPercent(double value, ReportUnit unit, string expected) =>
        Assert.Equal(expected, ReportFormat.Display(value, unit));

    [Theory]
    [InlineData("resumption_rate_offered", ReportUnit.Fraction)]
    [InlineData("cpu_handshake_share", ReportUnit.Fraction)]
    [InlineData("cpu_util_peak", ReportUnit.Fraction)]
    [InlineData("cpu_core_seconds", ReportUnit.Seconds)]
    [InlineData("cpu_ms_per_page", ReportUnit.Milliseconds)]
    [InlineData("page_p999_ms", ReportUnit.Milliseconds)]
    [InlineData("store_peak_live_bytes", ReportUnit.Bytes)]
    [InlineData("cores_needed_fractional", ReportUnit.Cores)]
    [InlineData("tickets_rejected", ReportUnit.Count)]
    public void UnitOf_ReadsTheColumnNamesSuffix(string name, ReportUnit expected) =>
        Assert.Equal(expected, ReportMetric.UnitOf(name));
}
