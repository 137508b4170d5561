namespace ResumeSim.Cli;

/// <summary>
/// Checks, before any work, that a command will be able to write where it was told to: a simulation
/// or a calibration that runs for an hour and then cannot write its result has wasted the hour. The
/// check creates nothing the command would not create anyway: it walks up to the deepest folder that
/// exists and writes (and at once deletes) a probe file there, which is the only test that catches
/// every reason a write can fail (permissions, ACLs, a read-only mount, a full quota).
/// </summary>
internal static class OutputLocation
{
    /// <summary>Null when <paramref name="folder"/> exists or can be created and written in; otherwise why not.</summary>
    public static string? CheckFolder(string folder)
    {
        string full;
        try
        {
            full = Path.GetFullPath(folder);
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or NotSupportedException)
        {
            return $"'{folder}' is not a usable path: {ex.Message}";
        }

        var existing = full;
        while (!Directory.Exists(existing))
        {
            if (File.Exists(existing))
            {
                return existing == full
                    ? $"'{folder}' is a file; expected a folder"
                    : $"'{existing}' is a file, so the folder '{folder}' cannot be created in it";
            }

            existing = Path.GetDirectoryName(existing);
            if (existing is null)
            {
                return $"no part of '{folder}' exists";
            }
        }

        return ProbeWrite(existing);
    }

    /// <summary>Null when <paramref name="file"/> can be written (its folder exists, or can be created, and takes files); otherwise why not.</summary>
    public static string? CheckFile(string file)
    {
        if (Directory.Exists(file))
        {
            return $"'{file}' is a folder; expected a file name";
        }

        return CheckFolder(Path.GetDirectoryName(Path.GetFullPath(file)) ?? "/");
    }

    private static string? ProbeWrite(string folder)
    {
        var probe = Path.Combine(folder, $".resumesim-probe-{Environment.ProcessId}");
        try
        {
            using var stream = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return $"cannot write in '{folder}': permission denied";
        }
        catch (FileNotFoundException)
        {
            return $"cannot write in '{folder}': the file system there takes no new files";
        }
        catch (IOException ex)
        {
            return $"cannot write in '{folder}': {IoMessage.Reason(ex).Replace(probe, folder, StringComparison.Ordinal)}";
        }
    }
}
