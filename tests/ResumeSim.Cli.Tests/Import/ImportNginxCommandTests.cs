namespace ResumeSim.Cli.Tests.Import;

public sealed class ImportNginxCommandTests
{
    // Written with log_format resumesim '$msec $remote_addr $connection_requests $ssl_session_reused
    // $ssl_session_id $host $http_x_client_id'. Line 3 ends before line 2 began (two workers), line 5
    // is a second request on line 4's kept-alive connection, line 6 sends no X-Client-Id.
    private const string Log = """
        1764237600.250 127.0.0.1 1 . aa11 localhost c1
        1764237601.000 127.0.0.1 1 r aa11 localhost c1
        1764237600.900 127.0.0.1 1 . bb22 api.example c2
        1764237602.125 127.0.0.1 1 r bb22 api.example c2
        1764237602.300 127.0.0.1 2 r bb22 api.example c2
        1764237603.000 203.0.113.7 1 . cc33 localhost -

        """;

    [Fact]
    public void Import_WritesTheTraceFromTheWholeSecondBeforeTheFirstConnection_InTimeOrder_AndPrintsTheRate()
    {
        using var temp = new TempFolder();
        var log = temp.Write("access.log", Log);
        var outDir = Path.Combine(temp.Path, "out");

        var (exit, stdout, stderr) = CliRunner.Run("import-nginx", log, "--out", outDir);

        Assert.True(exit == 0, stderr);
        Assert.Equal(
            "time_s,client,host\n0.25,c1,localhost\n0.9,c2,api.example\n1,c1,localhost\n2.125,c2,api.example\n3,203.0.113.7,localhost\n",
            File.ReadAllText(Path.Combine(outDir, "trace.csv")));
        Assert.Equal(
            "time_s,client,host,session_id,reused\n0.25,c1,localhost,aa11,.\n0.9,c2,api.example,bb22,.\n1,c1,localhost,aa11,r\n2.125,c2,api.example,bb22,r\n3,203.0.113.7,localhost,cc33,.\n",
            File.ReadAllText(Path.Combine(outDir, "observed.csv")));
        Assert.Contains("5 connections (1 later requests on kept-alive connections skipped), 3 clients, 2 host(s)", stdout, StringComparison.Ordinal);
        Assert.Contains("observed resumption rate: 0.4000 (2 of 5 connections resumed)", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1764237600.250 127.0.0.1 1 . aa11 localhost\n", 1, "6 space-separated field(s); expected 7")]
    [InlineData("1764237600.250 127.0.0.1 1 . aa11 localhost c1\n27/Nov/2026:10:00:00 127.0.0.1 1 . aa11 localhost c1\n", 2, "$msec '27/Nov/2026:10:00:00' is not a time")]
    [InlineData("1764237600.250 127.0.0.1 0 . aa11 localhost c1\n", 1, "$connection_requests '0' is not a request count")]
    [InlineData("1764237600.250 127.0.0.1 1 - - localhost -\n", 1, "$ssl_session_reused '-' is neither 'r' nor '.'")]
    [InlineData("", 1, "the log holds no TLS connection")]
    public void Import_BadLine_NamesFileAndLine_ExitsTwo_AndWritesNothing(string text, int line, string fragment)
    {
        using var temp = new TempFolder();
        var log = temp.Write("access.log", text);
        var outDir = Path.Combine(temp.Path, "out");

        var (exit, _, stderr) = CliRunner.Run("import-nginx", log, "--out", outDir);

        Assert.Equal(2, exit);
        Assert.Contains($"error: {log}:{line}: {fragment}", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Import_MissingLog_ExitsTwo()
    {
        using var temp = new TempFolder();

        var (exit, _, stderr) = CliRunner.Run("import-nginx", Path.Combine(temp.Path, "none.log"), "--out", temp.Path);

        Assert.Equal(2, exit);
        Assert.Contains("access log not found", stderr, StringComparison.Ordinal);
    }
}
