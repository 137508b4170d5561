using ResumeSim.Scenarios.Parsing;
using ResumeSim.Scenarios.Yaml;

namespace ResumeSim.Scenarios.Tests.Yaml;

public sealed class YamlTreeReaderTests
{
    [Fact]
    public void Read_Positions_AreOneBasedLineAndColumn()
    {
        var issues = new Issues("f.yaml");
        var root = (YMapping)YamlTreeReader.Read("a: 1\nb:\n  c: {d: x}\n", issues)!;

        Assert.Empty(issues.Errors);
        var b = (YMapping)root.Find("b")!.Value;
        var c = (YMapping)b.Find("c")!.Value;
        var d = (YScalar)c.Find("d")!.Value;
        Assert.Equal((3, 3), (b.Line, b.Column));
        Assert.Equal((3, 6), (c.Line, c.Column));
        Assert.Equal((3, 10), (d.Line, d.Column));
    }

    [Fact]
    public void Read_DuplicateKeys_AreAllReportedAndTheFirstValueKept()
    {
        var issues = new Issues("f.yaml");
        var root = (YMapping)YamlTreeReader.Read("a: 1\nx:\n  y: 1\n  y: 2\na: 3\n", issues)!;

        Assert.Equal(["f.yaml:4:3", "f.yaml:5:1"], issues.Errors.Select(e => $"{e.File}:{e.Line}:{e.Column}"));
        Assert.Equal("1", ((YScalar)root.Find("a")!.Value).Value);
    }

    [Fact]
    public void Read_SecondDocument_IsAnError()
    {
        var issues = new Issues("f.yaml");
        YamlTreeReader.Read("a: 1\n---\nb: 2\n", issues);

        var error = Assert.Single(issues.Errors);
        Assert.Equal(2, error.Line);
        Assert.Contains("one document per file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ComplexKey_IsAnError()
    {
        var issues = new Issues("f.yaml");
        YamlTreeReader.Read("? [a, b]\n: 1\n", issues);

        Assert.Contains("used as a key", Assert.Single(issues.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownAlias_IsASyntaxError()
    {
        var issues = new Issues("f.yaml");
        Assert.Null(YamlTreeReader.Read("a: *nope\n", issues));
        Assert.StartsWith("YAML syntax error", Assert.Single(issues.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Copy_IsDeep_SoSweepsNeverChangeTheOriginal()
    {
        var issues = new Issues("f.yaml");
        var root = (YMapping)YamlTreeReader.Read("a: {b: 1}\nl: [1, 2]\n", issues)!;
        var copy = (YMapping)root.Copy();

        ((YMapping)copy.Find("a")!.Value).Find("b")!.Value = new YScalar("9", false, 1, 1);
        ((YSequence)copy.Find("l")!.Value).Items[0] = new YScalar("9", false, 1, 1);

        Assert.Equal("1", ((YScalar)((YMapping)root.Find("a")!.Value).Find("b")!.Value).Value);
        Assert.Equal("1", ((YScalar)((YSequence)root.Find("l")!.Value).Items[0]).Value);
    }

    [Theory]
    [InlineData("a:", true)]
    [InlineData("a: ~", true)]
    [InlineData("a: null", true)]
    [InlineData("a: ''", false)]
    [InlineData("a: \"null\"", false)]
    public void Read_NullScalars_AreToldApartFromQuotedOnes(string text, bool isNull)
    {
        var root = (YMapping)YamlTreeReader.Read(text, new Issues("f.yaml"))!;
        Assert.Equal(isNull, ((YScalar)root.Find("a")!.Value).IsNull);
    }
}
