using System.Text;
using ResumeSim.Model.Arrivals;

namespace ResumeSim.Cli.Tests.Import;

public sealed class ImportNginxHostileTests
{
    // X-Client-Id values nginx logs as sent: a comma, quotes (as written with escape=none or json),
    // non-ASCII; and a host with a comma.
    private static readonly string[] Clients = ["a,b", "\"q\"", "x\"\"y", "café-客户", "plain"];

    [Fact]
    public void Import_AwkwardNames_ReplayThroughTheScenarioLoader_Exactly()
    {
        using var temp = new TempFolder();
        var lines = Clients.Select((c, i) => $"1764237600.{i + 1}00 127.0.0.1 1 . s{i} {(i == 0 ? "h,1" : "localhost")} {c}\n");
        var log = temp.Write("access.log", string.Concat(lines));
        var outDir = Path.Combine(temp.Path, "out");

        var (exit, _, stderr) = CliRunner.Run("import-nginx", log, "--out", outDir);

        Assert.True(exit == 0, stderr);
        var errors = new List<TraceError>();
        using var reader = new StreamReader(Path.Combine(outDir, "trace.csv"));
        var trace = TraceArrivals.Parse(reader, errors);
        Assert.Empty(errors);
        Assert.Equal(Clients, trace!.ClientNames);
        Assert.Equal(["h,1", "localhost"], trace.HostNames);

        // And the loader a scenario uses takes it as it is.
        var scenario = temp.Write("replay.yaml", """
            name: replay
            duration: 10s
            clients:
              trace: out/trace.csv
            strategies:
              - name: off
                resumption: off
            """);
        var (validateExit, _, validateErr) = CliRunner.Run("validate", scenario);
        Assert.True(validateExit == 0, validateErr);
    }

    [Theory]
    [InlineData(new byte[] { 0x63, 0xE9, 0x74, 0xE9 }, "2: the line is not UTF-8 text")] // Latin-1 "été"
    [InlineData(new byte[] { 0x63, 0x00, 0x31 }, "2: a NUL byte at byte")]
    public void Import_NonUtf8OrNulInAName_IsRefused_NamingTheLine(byte[] client, string fragment)
    {
        using var temp = new TempFolder();
        var good = Encoding.UTF8.GetBytes("1764237600.100 127.0.0.1 1 . s0 localhost c0\n");
        var bad = Encoding.UTF8.GetBytes("1764237600.200 127.0.0.1 1 . s1 localhost ").Concat(client).Append((byte)'\n');
        var log = Path.Combine(temp.Path, "access.log");
        File.WriteAllBytes(log, [.. good, .. bad]);
        var outDir = Path.Combine(temp.Path, "out");

        var (exit, _, stderr) = CliRunner.Run("import-nginx", log, "--out", outDir);

        Assert.Equal(2, exit);
        Assert.Contains($"error: {log}:{fragment}", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Import_ALineWithoutEnd_IsRefusedWithoutReadingItAll()
    {
        using var temp = new TempFolder();
        var log = temp.Write("access.log", new string('7', 200_000));

        var (exit, _, stderr) = CliRunner.Run("import-nginx", log, "--out", Path.Combine(temp.Path, "out"));

        Assert.Equal(2, exit);
        Assert.Contains("1: the line is longer than 65536 bytes", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_AnUnreadableLog_IsOneLineNamingIt_ExitTwo()
    {
        using var temp = new TempFolder();

        // A write-only sysfs file: opening it for reading is refused, even for root.
        const string log = "/sys/bus/pci/drivers_probe";
        var (exit, _, stderr) = CliRunner.Run("import-nginx", log, "--out", Path.Combine(temp.Path, "out"));

        Assert.Equal(2, exit);
        Assert.StartsWith($"error: {log}: cannot read the access log: Access to the path '{log}' is denied", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd().Split('\n'));
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/urandom")]
    [InlineData("fifo")]
    public void Import_APipeOrADevice_IsNotOpened_ExitTwo(string log)
    {
        using var temp = new TempFolder();
        if (log == "fifo")
        {
            log = Path.Combine(temp.Path, "fifo");
            using var mkfifo = System.Diagnostics.Process.Start("mkfifo", [log]);
            mkfifo.WaitForExit();
        }

        var (exit, _, stderr) = CliRunner.Run("import-nginx", log, "--out", Path.Combine(temp.Path, "out"));

        Assert.Equal(2, exit);
        Assert.Contains($"error: {log}:1: the log holds no TLS connection: it is empty, or a pipe or a device", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "out")));
    }

    [Fact]
    public void Import_DiskFullDuringTheWrite_IsOneLine_ExitOne_AndLeavesNoTmp()
    {
        using var temp = new TempFolder();
        var log = temp.Write("access.log", "1764237600.100 127.0.0.1 1 . s0 localhost c0\n");
        var outDir = Directory.CreateDirectory(Path.Combine(temp.Path, "out")).FullName;
        File.WriteAllText(Path.Combine(outDir, "observed.csv"), "old");

        // Writes to /dev/full fail with ENOSPC, as on a full disk.
        File.CreateSymbolicLink(Path.Combine(outDir, "observed.csv.tmp"), "/dev/full");

        var (exit, _, stderr) = CliRunner.Run("import-nginx", log, "--out", outDir);

        Assert.Equal(1, exit);
        Assert.StartsWith($"error: could not write into '{outDir}' (nothing was written): ", stderr, StringComparison.Ordinal);
        Assert.Contains("No space left on device", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.Equal(["observed.csv"], Directory.GetFileSystemEntries(outDir).Select(Path.GetFileName));
        Assert.Equal("old", File.ReadAllText(Path.Combine(outDir, "observed.csv")));
    }

    [Theory]
    [InlineData("file")]
    [InlineData("/proc/resumesim-import")]
    public void Import_OutputThatCannotBeWritten_IsRefusedBeforeReading_AndLeavesNothing(string outDir)
    {
        using var temp = new TempFolder();
        var log = temp.Write("access.log", "1764237600.100 127.0.0.1 1 . s0 localhost c0\n");
        var file = temp.Write("file", "in the way");
        var target = outDir == "file" ? file : outDir;

        var (exit, _, stderr) = CliRunner.Run("import-nginx", log, "--out", target);

        Assert.Equal(2, exit);
        Assert.StartsWith($"error: --out {target}: ", stderr, StringComparison.Ordinal);
        Assert.Contains("nothing was read", stderr, StringComparison.Ordinal);
        Assert.Equal(["access.log", "file"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("in the way", File.ReadAllText(file));
    }
}
