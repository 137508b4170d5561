using ResumeSim.Model.Arrivals;
using ResumeSim.Model.World;

namespace ResumeSim.Model.Tests.Arrivals;

public sealed class TraceArrivalsTests
{
    [Fact]
    public void Parse_NumbersClientsAndHostsInOrderOfFirstAppearance()
    {
        var trace = Parse("time_s,client,host\n0,10.0.0.9,www\n1.5,10.0.0.2,api\n1.5,10.0.0.9,api\n2,10.0.0.2,www\n");

        Assert.Equal(4, trace.Count);
        Assert.Equal(["10.0.0.9", "10.0.0.2"], trace.ClientNames);
        Assert.Equal(["www", "api"], trace.HostNames);
        Assert.Equal([0, 1, 0, 1], Enumerable.Range(0, 4).Select(trace.Client));
        Assert.Equal([0, 1, 1, 0], Enumerable.Range(0, 4).Select(trace.Host));
        Assert.Equal([0L, 1_500_000_000L, 1_500_000_000L, 2_000_000_000L], Enumerable.Range(0, 4).Select(trace.TimeTicks));
    }

    [Fact]
    public void Parse_KeepsNanosecondsAndAcceptsByteOrderMarkAndCrLf()
    {
        var trace = Parse("\uFEFFtime_s,client,host\r\n0.000000001,a,h\r\n31000000.123456789,a,h\r\n");

        Assert.Equal(1L, trace.TimeTicks(0));
        Assert.Equal(31_000_000_123_456_789L, trace.TimeTicks(1));
    }

    [Theory]
    [InlineData("", 1, 1, "expected the header time_s,client,host")]
    [InlineData("time,client,host\n0,a,h\n", 1, 1, "expected the header time_s,client,host")]
    [InlineData("time_s,client,host\n", 1, 1, "the trace has no rows")]
    [InlineData("time_s,client,host\n0,a,h\n1,a\n", 3, 1, "has 2 field(s); expected 3")]
    [InlineData("time_s,client,host\n0,a,h\n1,a,h,x\n", 3, 1, "has 4 field(s); expected 3")]
    [InlineData("time_s,client,host\n\n", 2, 1, "has 1 field(s); expected 3")]
    [InlineData("time_s,client,host\nabc,a,h\n", 2, 1, "time_s 'abc' is not a time")]
    [InlineData("time_s,client,host\n-1,a,h\n", 2, 1, "time_s '-1' is not a time")]
    [InlineData("time_s,client,host\n1e3,a,h\n", 2, 1, "time_s '1e3' is not a time")]
    [InlineData("time_s,client,host\n99999999999,a,h\n", 2, 1, "time_s '99999999999' is not a time")]
    [InlineData("time_s,client,host\n0,,h\n", 2, 3, "client is empty")]
    [InlineData("time_s,client,host\n0.5,a,my host\n", 2, 7, "host 'my host' holds a space")]
    [InlineData("time_s,client,host\n0,a\"b,h\n", 2, 4, "a field holds a \" but does not start with one")]
    [InlineData("time_s,client,host\n0,\"a,h\n", 2, 3, "a quoted field is not closed on its line")]
    [InlineData("time_s,client,host\n0,\"a\"x,h\n", 2, 6, "text follows a closing quote")]
    [InlineData("time_s,client,host\n0,a\tb,h\n", 2, 3, "client 'a\tb' holds a space or control character")]
    [InlineData("time_s,client,host\n5,a,h\n4.5,b,h\n", 3, 1, "time 4.5 s is before the previous row's 5 s")]
    public void Parse_BadTrace_ReportsLineColumnAndExpectedForm(string text, int line, int column, string fragment)
    {
        var errors = new List<TraceError>();

        var trace = TraceArrivals.Parse(new StringReader(text), errors);

        Assert.Null(trace);
        var error = Assert.Single(errors);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a,b")]
    [InlineData("\"quoted\"")]
    [InlineData("a,\"\",b")]
    [InlineData("café-ü-客户")]
    [InlineData("plain")]
    public void Field_ThenParse_GivesTheNameBackExactly(string name)
    {
        var trace = Parse($"time_s,client,host\n0,{TraceCsv.Field(name)},{TraceCsv.Field(name + ",h")}\n");

        Assert.Equal([name], trace.ClientNames);
        Assert.Equal([name + ",h"], trace.HostNames);
    }

    [Fact]
    public void Field_QuotesOnlyWhenNeeded()
    {
        Assert.Equal("203.0.113.7", TraceCsv.Field("203.0.113.7"));
        Assert.Equal("\"a,\"\"b\"\"\"", TraceCsv.Field("a,\"b\""));
    }

    [Fact]
    public void Parse_ManyBadLines_ReportsEachUpToALimit()
    {
        var text = "time_s,client,host\n" + string.Concat(Enumerable.Repeat("x,a,h\n", 100));
        var errors = new List<TraceError>();

        Assert.Null(TraceArrivals.Parse(new StringReader(text), errors));

        Assert.Equal(20, errors.Count);
        Assert.Equal(Enumerable.Range(2, 20), errors.Select(e => e.Line));
    }

    private static TraceArrivals Parse(string text)
    {
        var errors = new List<TraceError>();
        var trace = TraceArrivals.Parse(new StringReader(text), errors);
        Assert.Empty(errors);
        return trace!;
    }
}
