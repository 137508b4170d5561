namespace ResumeSim.Results;

/// <summary>
/// Removes what a killed writer (SIGKILL, a power cut) left in a scenario folder: its lock
/// <c>.&lt;run-id&gt;.lock</c> and its temporary folder <c>.&lt;run-id&gt;.tmp</c>. Only when the lock
/// proves the writer is gone (<see cref="WriterProcess.IsProvablyGone"/>): a live run's folder, another
/// machine's, or one whose lock cannot be read is left alone and named, so a person can decide.
/// </summary>
public static class StaleRunFolders
{
    /// <summary>Cleans <paramref name="scenarioFolder"/>; returns one line per folder removed or left alone.</summary>
    public static IReadOnlyList<string> Clean(string scenarioFolder)
    {
        var notes = new List<string>();
        if (!Directory.Exists(scenarioFolder))
        {
            return notes;
        }

        foreach (var lockPath in Directory.GetFiles(scenarioFolder, ".*.lock"))
        {
            var runId = Path.GetFileName(lockPath)[1..^".lock".Length];
            var temp = RunLock.TempPath(scenarioFolder, runId);
            var writer = Read(lockPath);
            if (writer is null || !writer.IsProvablyGone())
            {
                continue; // a live writer, or one this machine cannot judge: its folder is reported below
            }

            try
            {
                if (Directory.Exists(temp))
                {
                    Directory.Delete(temp, recursive: true);
                    notes.Add($"removed '{temp}', left by a run (process {writer.Pid}) that was killed");
                }

                File.Delete(lockPath);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                notes.Add($"could not remove '{temp}' of a killed run: {ex.Message}");
            }
        }

        foreach (var temp in Directory.GetDirectories(scenarioFolder, ".*.tmp"))
        {
            var runId = Path.GetFileName(temp)[1..^".tmp".Length];
            if (!File.Exists(RunLock.LockPath(scenarioFolder, runId)))
            {
                notes.Add($"left '{temp}' alone: it has no lock saying who wrote it; delete it if no run is writing it");
            }
        }

        return notes;
    }

    private static WriterProcess? Read(string lockPath)
    {
        try
        {
            return WriterProcess.Parse(File.ReadAllText(lockPath));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
