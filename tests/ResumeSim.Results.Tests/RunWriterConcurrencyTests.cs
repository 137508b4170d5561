namespace ResumeSim.Results.Tests;

public sealed class RunWriterConcurrencyTests
{
    private static readonly Func<int, string> Ids = attempt => attempt == 1 ? "r1" : $"r1-{attempt}";

    [Fact]
    public async Task Write_TwoWritersOfTheSameId_AtOnce_EachGetsItsOwnFolder()
    {
        using var root = new TempFolder();
        using var bothInside = new Barrier(2);

        // Each writer waits in its temporary folder until the other is in its own: both hold an id at once.
        string WriteOne() => RunWriter.Write(root.Path, "quickstart", Ids, SampleRuns.Full(),
            (_, _) =>
            {
                bothInside.SignalAndWait();
                return [];
            },
            CancellationToken.None);

        var first = Task.Run(WriteOne);
        var second = Task.Run(WriteOne);
        var folders = await Task.WhenAll(first, second);

        Assert.Equal(["r1", "r1-2"], folders.Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(
            new[] { "quickstart/r1-2/run.json", "quickstart/r1/run.json" },
            root.Entries().Where(e => e.EndsWith("run.json", StringComparison.Ordinal)).ToArray());
        Assert.DoesNotContain(root.Entries(), e => e.Contains(".lock", StringComparison.Ordinal) || e.Contains(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_WhenTheIdIsFinished_TakesTheNextAndTellsExtraFilesWhich()
    {
        using var root = new TempFolder();
        RunWriter.Write(root.Path, "quickstart", "r1", SampleRuns.Full());
        var told = "";

        var folder = RunWriter.Write(root.Path, "quickstart", Ids, SampleRuns.Full(), (_, runId) =>
        {
            told = runId;
            return [];
        }, CancellationToken.None);

        Assert.Equal("r1-2", Path.GetFileName(folder));
        Assert.Equal("r1-2", told);
    }

    [Fact]
    public void Write_WhenAnotherWriterHoldsTheFixedId_Refuses_AndLeavesItsLock()
    {
        using var root = new TempFolder();
        var scenario = Directory.CreateDirectory(Path.Combine(root.Path, "quickstart")).FullName;
        File.WriteAllText(Path.Combine(scenario, ".r1.lock"), WriterProcess.Current()?.ToString() ?? "");

        var e = Assert.Throws<IOException>(() => RunWriter.Write(root.Path, "quickstart", "r1", SampleRuns.Full()));

        Assert.Contains("being written by another process", e.Message, StringComparison.Ordinal);
        Assert.Equal(["quickstart", "quickstart/.r1.lock"], root.Entries());
    }

    [Theory]
    [InlineData(RunFiles.Scenario)]
    [InlineData(RunFiles.Latency)]
    public void Write_CancelledDuringTheWrite_ThrowsAndLeavesNothing(string cancelAfter)
    {
        using var root = new TempFolder();
        using var cancel = new CancellationTokenSource();

        Assert.ThrowsAny<OperationCanceledException>(() => RunWriter.Write(root.Path, "quickstart", Ids, SampleRuns.Full(), (temp, _) =>
        {
            if (File.Exists(Path.Combine(temp, cancelAfter)))
            {
                cancel.Cancel();
            }

            return [];
        }, cancel.Token));

        Assert.Equal(["quickstart"], root.Entries());
    }
}
