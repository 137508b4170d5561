using System.CommandLine;

namespace ResumeSim.Cli.Tests.Hostile;

public sealed class OptionParsingTests
{
    [Theory]
    [InlineData("--replications: 'abc' is not a whole number; expected a whole number from 1 to 1,000", "run", "a.yaml", "--replications", "abc")]
    [InlineData("--replications: 0 is out of range", "run", "a.yaml", "--replications", "0")]
    [InlineData("--replications: '99999999999999999999999' is out of range", "run", "a.yaml", "--replications", "99999999999999999999999")]
    [InlineData("--threads: 'abc' is not a whole number; expected a whole number from 0 to 1,024", "run", "a.yaml", "--threads", "abc")]
    [InlineData("--threads: -1 is out of range", "run", "a.yaml", "--threads", "-1")]
    [InlineData("--threads: 5000 is out of range", "run", "a.yaml", "--threads", "5000")]
    [InlineData("--threads: '1.5' is not a whole number", "run", "a.yaml", "--threads", "1.5")]
    [InlineData("--seed: '-3' is not a whole number from 0 to 18446744073709551615", "run", "a.yaml", "--seed", "-3")]
    [InlineData("--seed: '18446744073709551616' is not a whole number", "run", "a.yaml", "--seed", "18446744073709551616")]
    [InlineData("--out: the path is empty", "run", "a.yaml", "--out", "")]
    [InlineData("--out: the path is only spaces", "run", "a.yaml", "--out", "  ")]
    [InlineData("--out: the path holds a NUL character", "run", "a.yaml", "--out", "a\0b")]
    [InlineData("Required argument missing for option: '--replications'", "run", "a.yaml", "--replications")]
    [InlineData("Unrecognized command or argument '--no-such'", "run", "a.yaml", "--no-such")]
    [InlineData("--rounds: 'abc' is not a whole number", "calibrate", "--rounds", "abc")]
    [InlineData("--rounds: 0 is out of range", "calibrate", "--rounds", "0")]
    [InlineData("--out: the path is empty", "calibrate", "--out", "")]
    [InlineData("--out: the path is empty", "import-nginx", "a.log", "--out", "")]
    [InlineData("--out: the path is empty", "report", "r1", "--out", "")]
    [InlineData("--sizes: 'abc' is not a whole number", "bench", "engine", "--sizes", "10", "abc")]
    [InlineData("--sizes: 0 is out of range", "bench", "engine", "--sizes", "0")]
    [InlineData("--repetitions: 'x' is not a whole number", "bench", "engine", "--repetitions", "x")]
    [InlineData("--repetitions: -1 is out of range", "bench", "tls", "--repetitions", "-1")]
    [InlineData("--repetitions: 0 is out of range", "bench", "model", "--repetitions", "0")]
    [InlineData("--clients: 'many' is not a whole number", "bench", "scale", "--clients", "many")]
    [InlineData("--progress: 0 is out of range", "bench", "scale", "--progress", "0")]
    public void BadOptionValue_IsOneParseError_ExitTwo_WithoutAStackTrace(string message, params string[] args)
    {
        var (exit, stdout, stderr) = CliRunner.Run(args);

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains($"resumesim: {message}", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void LongBadValue_IsEchoedAsAShortExcerpt()
    {
        var (exit, _, stderr) = CliRunner.Run("run", "a.yaml", "--threads", new string('9', 30) + "x" + new string('k', 5000));

        Assert.Equal(2, exit);
        Assert.True(stderr.Length < 300, stderr);
    }

    [Fact]
    public void EveryNumericOption_OfEveryCommand_HasItsOwnParser()
    {
        // System.CommandLine's converter reports a CLR type name, and a validator reading a value it
        // could not convert throws; CliOptions' parsers do neither.
        var root = new Command("resumesim");
        using var output = new StringWriter();
        foreach (var command in new[]
        {
            RunCommand.Create(output, output), BenchCommand.Create(output), CalibrateCommand.Create(output, output),
            ImportNginxCommand.Create(output, output), ReportCommand.Create(output, output), PlotCommand.Create(output, output),
            CompareCommand.Create(output, output), MergeCommand.Create(output, output), ValidateCommand.Create(output, output),
        })
        {
            root.Subcommands.Add(command);
        }

        var missing = new List<string>();
        Visit(root, missing);

        Assert.Empty(missing);
    }

    private static void Visit(Command command, List<string> missing)
    {
        foreach (var option in command.Options)
        {
            var type = Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType;
            var numeric = type != typeof(bool) && type != typeof(string) && type != typeof(string[]);
            var parser = option.GetType().GetProperty("CustomParser")?.GetValue(option);
            if (numeric && parser is null)
            {
                missing.Add($"{command.Name} {option.Name}");
            }
        }

        foreach (var sub in command.Subcommands)
        {
            Visit(sub, missing);
        }
    }
}
