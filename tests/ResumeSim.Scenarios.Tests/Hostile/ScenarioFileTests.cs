using System.Diagnostics;
using System.Text;

namespace ResumeSim.Scenarios.Tests.Hostile;

/// <summary>
/// Files that are not small UTF-8 text are refused before they are parsed, with the limit and a
/// position, and their bytes are never echoed.
/// </summary>
public sealed class ScenarioFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("resumesim-hostile-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Load_DevZero_IsRefusedWithoutReading()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // the file type is read with Linux's statx; elsewhere only the size cap applies
        }

        var error = Assert.Single(Errors("/dev/zero"));

        Assert.Contains("is not a regular file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NamedPipe_IsRefusedWithoutOpening()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // the file type is read with Linux's statx; elsewhere only the size cap applies
        }
        var fifo = Path.Combine(_folder, "pipe.yaml");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
        }

        // Opening the pipe for reading would block this test forever: no writer ever comes.
        var error = Assert.Single(Errors(fifo));

        Assert.Contains("is not a regular file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Directory_IsRefused()
    {
        var error = Assert.Single(Errors(_folder));

        Assert.Contains("is a directory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FileOneByteOverTheLimit_IsRefusedNamingTheLimit()
    {
        var text = ScenarioText.Minimal + "\n#";
        var path = Write("big.yaml", Encoding.UTF8.GetBytes(text + new string('x', ScenarioLimits.MaxFileBytes + 1 - Encoding.UTF8.GetByteCount(text))));

        var error = Assert.Single(Errors(path));

        Assert.Contains($"file size limit of {ScenarioLimits.MaxFileBytes} bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FileAtTheLimit_IsRead()
    {
        var text = ScenarioText.Minimal + "\n#";
        var path = Write("full.yaml", Encoding.UTF8.GetBytes(text + new string('x', ScenarioLimits.MaxFileBytes - Encoding.UTF8.GetByteCount(text))));

        Assert.Equal("t", ScenarioLoader.Load(path).Base.Name);
    }

    [Fact]
    public void Load_Latin1Byte_IsRefusedAtItsOffsetAndLine()
    {
        var bytes = Encoding.UTF8.GetBytes(ScenarioText.Minimal.Replace("name: t", "name: t\ndescription: caf?", StringComparison.Ordinal));
        var offset = Array.IndexOf(bytes, (byte)'?');
        bytes[offset] = 0xE9; // é in Latin-1, not UTF-8
        var path = Write("latin1.yaml", bytes);

        var error = Assert.Single(Errors(path));

        Assert.Equal((2, 17), (error.Line, error.Column));
        Assert.Contains($"offset {offset}", error.Message, StringComparison.Ordinal);
        Assert.Contains("not UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NulByte_IsRefusedNotIgnored()
    {
        // YamlDotNet stops at a NUL, so the rest of the file would silently not count.
        var path = Write("nul.yaml", Encoding.UTF8.GetBytes(ScenarioText.Minimal + "\0\nreplications: 0\n"));

        var error = Assert.Single(Errors(path));

        Assert.Contains("a NUL byte", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ControlCharacter_IsRefusedAtItsPosition()
    {
        var error = Assert.Single(ScenarioText.Errors("name: t\u0007x\n"));

        Assert.Equal((1, 8), (error.Line, error.Column));
        Assert.Contains("U+0007", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ByteOrderMark_IsStillAccepted()
    {
        var path = Write("bom.yaml", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(ScenarioText.Minimal)]);

        Assert.Equal("t", ScenarioLoader.Load(path).Base.Name);
    }

    [Fact]
    public void Load_PemKey_IsDescribedNotEchoed()
    {
        var secret = Convert.ToBase64String(Enumerable.Range(0, 96).Select(i => (byte)(i * 37 % 251)).ToArray());
        var path = Write("key.pem", Encoding.UTF8.GetBytes($"-----BEGIN PRIVATE KEY-----\n{secret[..64]}\n{secret[64..]}\n-----END PRIVATE KEY-----\n"));

        var error = Assert.Single(Errors(path));

        Assert.Contains("a single value of", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(secret[..8], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BinaryKeyFile_GivesAnOffsetAndNoBytes()
    {
        var key = Enumerable.Range(0, 80).Select(i => (byte)(0x80 + (i * 7 % 64))).ToArray(); // continuation bytes: never valid UTF-8 at 0
        var path = Write("ticket.key", key);

        var error = Assert.Single(Errors(path));

        Assert.Equal((1, 1), (error.Line, error.Column));
        Assert.Contains("offset 0", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("0x8", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Load_CostProfileThatIsADevice_IsRefused()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // the file type is read with Linux's statx; elsewhere only the size cap applies
        }

        var errors = ScenarioText.Errors(ScenarioText.Minimal + "\ncosts: /dev/zero\n");

        Assert.Contains(errors, e => e.File == "/dev/zero" && e.Message.Contains("is not a regular file", StringComparison.Ordinal));
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static IReadOnlyList<ScenarioError> Errors(string path) =>
        Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path)).Errors;
}
