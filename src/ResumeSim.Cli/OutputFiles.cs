using System.Text;

namespace ResumeSim.Cli;

/// <summary>
/// Writes a command's output files so that each is either its old self or complete: every file goes to
/// <c>FILE.tmp</c> first, and only when all are written and flushed are they renamed over their
/// names (a rename within a folder is atomic). A failure or an interruption before the renames
/// deletes every <c>.tmp</c>, so nothing is left behind and no file is half-written.
/// </summary>
internal static class OutputFiles
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static void WriteTogether(IReadOnlyList<(string Path, string Text)> files, CancellationToken cancel)
    {
        var temps = files.Select(f => f.Path + ".tmp").ToList();
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(files[0].Path))!);
            for (var i = 0; i < files.Count; i++)
            {
                cancel.ThrowIfCancellationRequested();
                using var stream = new FileStream(temps[i], FileMode.Create, FileAccess.Write, FileShare.None);
                stream.Write(Utf8NoBom.GetBytes(files[i].Text));
                stream.Flush(flushToDisk: true);
            }

            cancel.ThrowIfCancellationRequested();
        }
        catch
        {
            foreach (var temp in temps)
            {
                TryDelete(temp);
            }

            throw;
        }

        for (var i = 0; i < files.Count; i++)
        {
            try
            {
                File.Move(temps[i], files[i].Path, overwrite: true);
            }
            catch
            {
                foreach (var temp in temps.Skip(i))
                {
                    TryDelete(temp);
                }

                throw;
            }
        }
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception ex) when (IoMessage.IsIo(ex))
        {
            // The first error is the one to report.
        }
    }
}
