namespace ResumeSim.Cli.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void Help_ListsTheCommands()
    {
        var (exit, stdout, _) = CliRunner.Run("--help");

        Assert.Equal(0, exit);
        Assert.Contains("run", stdout);
        Assert.Contains("validate", stdout);
        Assert.Contains("bench", stdout);
    }

    [Fact]
    public void Version_PrintsTheVersion()
    {
        var (exit, stdout, _) = CliRunner.Run("--version");

        Assert.Equal(0, exit);
        Assert.Matches(@"\d+\.\d+\.\d+", stdout);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("run")]
    [InlineData("run", "a.yaml", "--replications", "0")]
    [InlineData("run", "a.yaml", "--seed", "-3")]
    [InlineData("run", "a.yaml", "--no-such-option")]
    [InlineData()]
    public void UsageErrors_ExitTwo(params string[] args)
    {
        var (exit, _, stderr) = CliRunner.Run(args);

        Assert.Equal(2, exit);
        Assert.NotEmpty(stderr);
    }

    [Fact]
    public void Validate_GoodScenario_ExitsZero()
    {
        using var temp = new TempFolder();
        var scenario = temp.Write("small.yaml", SmallScenario.Yaml);

        var (exit, stdout, stderr) = CliRunner.Run("validate", scenario);

        Assert.True(exit == 0, stderr);
        Assert.Contains("ok", stdout);
    }

    [Fact]
    public void Validate_BadScenario_ExitsTwo_NamingFileLineAndColumn()
    {
        using var temp = new TempFolder();
        var scenario = temp.Write("bad.yaml", SmallScenario.Yaml.Replace("count: 800", "count: -5", StringComparison.Ordinal));

        var (exit, _, stderr) = CliRunner.Run("validate", scenario);

        Assert.Equal(2, exit);
        Assert.Matches(@"bad\.yaml:\d+:\d+:", stderr);
    }

    [Fact]
    public void Validate_MissingFile_ExitsTwo_NamingTheFileWithoutAPosition()
    {
        var (exit, _, stderr) = CliRunner.Run("validate", "no/such/scenario.yaml");

        Assert.Equal(2, exit);
        Assert.Equal("error: no/such/scenario.yaml: scenario file not found; expected a path to a scenario YAML file" + Environment.NewLine, stderr);
    }

    [Fact]
    public void Validate_MisspelledKey_SuggestsTheKey()
    {
        using var temp = new TempFolder();
        var scenario = temp.Write("typo.yaml", ScenarioWithTypo);

        var (exit, _, stderr) = CliRunner.Run("validate", scenario);

        Assert.Equal(2, exit);
        Assert.StartsWith($"error: {scenario}:4:3: 'cuont' is not a key of clients (did you mean 'count'?); expected one of: count, ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryShippedScenario_Validates()
    {
        var root = Path.Combine(RepositoryPaths.Root, "scenarios");
        foreach (var file in Directory.GetFiles(root, "*.yaml").Concat(Directory.GetFiles(Path.Combine(root, "validation"), "*.yaml")))
        {
            var (exit, _, stderr) = CliRunner.Run("validate", file);
            Assert.True(exit == 0, $"{file}: {stderr}");
        }
    }

    private const string ScenarioWithTypo = """
        name: typo
        duration: 10m
        clients:
          cuont: 100
          visits: {rate: 4/h}
        strategies:
          - name: none
            resumption: off
        """;
}
