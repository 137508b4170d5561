namespace ResumeSim.Results;

/// <summary>
/// The claim on a run id: the file <c>.&lt;run-id&gt;.lock</c> beside the run folder, created with
/// <see cref="FileMode.CreateNew"/> (an exclusive create, O_EXCL), holding its <see cref="WriterProcess"/>.
/// Only the holder creates <c>.&lt;run-id&gt;.tmp</c> and renames it to <c>&lt;run-id&gt;</c>, so two
/// writers that chose the same id (the same scenario and seed in the same second) never share a
/// folder: the second takes the next id. Creating a folder cannot serve as the claim, because
/// <see cref="Directory.CreateDirectory(string)"/> succeeds when the folder already exists.
/// </summary>
internal static class RunLock
{
    public static string LockPath(string scenarioFolder, string runId) => Path.Combine(scenarioFolder, "." + runId + ".lock");

    public static string TempPath(string scenarioFolder, string runId) => Path.Combine(scenarioFolder, "." + runId + ".tmp");

    /// <summary>Claims <paramref name="runId"/>; false (and why) when it is taken or finished.</summary>
    public static bool TryClaim(string scenarioFolder, string runId, out string whyNot)
    {
        var final = Path.Combine(scenarioFolder, runId);
        var temp = TempPath(scenarioFolder, runId);
        var lockPath = LockPath(scenarioFolder, runId);
        whyNot = $"The run folder '{final}' already exists; refusing to overwrite a finished run. Use a new run id.";
        if (Directory.Exists(final) || File.Exists(final))
        {
            return false;
        }

        try
        {
            using var stream = new FileStream(lockPath, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
            using var writer = new StreamWriter(stream);
            writer.Write(WriterProcess.Current()?.ToString() ?? "");
        }
        catch (IOException) when (File.Exists(lockPath))
        {
            whyNot = $"The run id '{runId}' is being written by another process (its lock '{lockPath}' exists).";
            return false;
        }

        // Checked again under the claim: a writer that held the id until a moment ago has finished it.
        if (Directory.Exists(final) || File.Exists(final))
        {
            Release(scenarioFolder, runId);
            return false;
        }

        if (Directory.Exists(temp) || File.Exists(temp))
        {
            Release(scenarioFolder, runId);
            whyNot = $"The temporary folder '{temp}' already exists without a lock: a run that was killed left it (delete it), or a writer that takes no lock is writing it.";
            return false;
        }

        return true;
    }

    /// <summary>Gives the id up (after the rename, or after deleting the temporary folder).</summary>
    public static void Release(string scenarioFolder, string runId)
    {
        try
        {
            File.Delete(LockPath(scenarioFolder, runId));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A lock without a live writer is removed by the next writer's StaleRunFolders.Clean.
        }
    }
}
