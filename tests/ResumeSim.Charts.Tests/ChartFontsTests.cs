namespace ResumeSim.Charts.Tests;

public sealed class ChartFontsTests
{
    private static string Registered(string path) => "registered:" + path;

    [Fact]
    public void Family_OnThisMachine_IsAFontThatDrawsText()
    {
        // The rendered-text checks in RunChartsTests are the real proof; this one names the cause.
        Assert.False(string.IsNullOrEmpty(ChartFonts.Family));
    }

    [Fact]
    public void Resolve_EnvironmentVariable_WinsOverCandidates()
    {
        var font = Path.GetTempFileName();
        try
        {
            Assert.Equal("registered:" + font, ChartFonts.Resolve(font, [font + ".other"], Registered, () => "default"));
        }
        finally
        {
            File.Delete(font);
        }
    }

    [Fact]
    public void Resolve_EnvironmentVariableNamingAMissingFile_FailsNamingTheVariable()
    {
        var e = Assert.Throws<InvalidOperationException>(() => ChartFonts.Resolve("/no/such/font.ttf", [], Registered, () => "default"));

        Assert.Contains(ChartFonts.FontVariable, e.Message);
        Assert.Contains("/no/such/font.ttf", e.Message);
    }

    [Fact]
    public void Resolve_FirstExistingCandidate_IsRegistered()
    {
        var font = Path.GetTempFileName();
        try
        {
            Assert.Equal("registered:" + font, ChartFonts.Resolve(null, ["/no/such/a.ttf", font], Registered, () => "default"));
        }
        finally
        {
            File.Delete(font);
        }
    }

    [Fact]
    public void Resolve_NoCandidate_UsesAUsableDefault()
    {
        Assert.Equal("Platform Sans", ChartFonts.Resolve(null, ["/no/such/a.ttf"], Registered, () => "Platform Sans"));
    }

    [Fact]
    public void Resolve_NoFontAtAll_FailsSayingWhatToInstall()
    {
        var e = Assert.Throws<InvalidOperationException>(() => ChartFonts.Resolve(null, ["/no/such/a.ttf"], Registered, () => null));

        Assert.Contains("fonts-dejavu-core", e.Message);
        Assert.Contains(ChartFonts.FontVariable, e.Message);
    }
}
