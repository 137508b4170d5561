namespace ResumeSim.Cli.Tests;

/// <summary>The validation scenarios agree with their theory (docs/validation.md).</summary>
public sealed class CheckModelCommandTests
{
    [Fact]
    public void CheckModel_EveryValidationCaseAgreesWithTheory()
    {
        var (exit, stdout, stderr) = CliRunner.Run("check-model", Path.Combine(RepositoryPaths.Root, "scenarios", "validation"));

        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("every validation case agrees with its theory", stdout);
        Assert.Equal(8, stdout.Split('\n').Count(l => l.StartsWith("ok ", StringComparison.Ordinal)));
    }

    [Fact]
    public void CheckModel_MissingFolder_ExitsTwo()
    {
        var (exit, _, stderr) = CliRunner.Run("check-model", Path.Combine(RepositoryPaths.Root, "no-such-folder"));

        Assert.Equal(2, exit);
        Assert.Contains("no-such-folder", stderr);
    }
}
