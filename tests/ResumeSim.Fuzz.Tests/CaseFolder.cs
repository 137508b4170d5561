using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ResumeSim.Fuzz.Tests;

/// <summary>
/// The folder a case runs in: its files, its file-system situations (FIFOs, links, unreadable
/// files), and its damaged copies of the run and shard folders. <c>{out}</c> does not exist
/// beforehand, so anything found there afterwards was written by the command.
/// </summary>
internal sealed partial class CaseFolder : IDisposable
{
    private readonly Dictionary<string, string> placeholders = new(StringComparer.Ordinal);

    private CaseFolder(string path)
    {
        Path = path;
        OutPath = System.IO.Path.Combine(path, "out");
        placeholders["{case}"] = path;
        placeholders["{out}"] = OutPath;
    }

    public string Path { get; }

    public string OutPath { get; }

    /// <summary>Every file the case itself made, so that leftovers are told apart from inputs.</summary>
    public HashSet<string> Inputs { get; } = new(StringComparer.Ordinal);

    public static CaseFolder Create(string parent, FuzzCase fuzzCase, RunFolders? runs)
    {
        var folder = new CaseFolder(Directory.CreateDirectory(System.IO.Path.Combine(parent, fuzzCase.Id)).FullName);
        foreach (var file in fuzzCase.Files)
        {
            var path = folder.Under(file.GetProperty("path").GetString()!);
            FileParts.Write(path, file);
        }

        if (runs is not null)
        {
            folder.placeholders["{run}"] = folder.CopyRun(runs.Run, "run");
            folder.placeholders["{shard1}"] = folder.CopyRun(runs.Shard1, "shard1");
            folder.placeholders["{shard2}"] = folder.CopyRun(runs.Shard2, "shard2");
        }

        foreach (var special in fuzzCase.Special)
        {
            folder.Make(special);
        }

        foreach (var mutation in fuzzCase.Mutate)
        {
            folder.Damage(mutation);
        }

        folder.Inputs.UnionWith(Directory.EnumerateFileSystemEntries(folder.Path, "*", SearchOption.AllDirectories));
        return folder;
    }

    public IReadOnlyList<string> Arguments(FuzzCase fuzzCase) =>
        [.. fuzzCase.Args.Select(a => placeholders.Aggregate(a, (s, p) => s.Replace(p.Key, p.Value, StringComparison.Ordinal)))];

    public void Dispose()
    {
        // A mode-000 file or mode-555 folder must be writable again before it can go.
        foreach (var entry in Directory.EnumerateFileSystemEntries(Path, "*", SearchOption.AllDirectories))
        {
            if (File.GetAttributes(entry).HasFlag(FileAttributes.ReparsePoint))
            {
                continue;
            }

            File.SetUnixFileMode(entry, Directory.Exists(entry) ? (UnixFileMode)0x1ED : (UnixFileMode)0x1A4);
        }

        Directory.Delete(Path, recursive: true);
    }

    private string Under(string relative) => System.IO.Path.Combine(Path, relative);

    private string CopyRun(string source, string name)
    {
        var target = Under(name);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return target;
    }

    private void Make(JsonElement special)
    {
        var path = Under(special.GetProperty("path").GetString()!);
        switch (special.GetProperty("kind").GetString())
        {
            case "fifo":
                MakeFifo(path);
                break;
            case "dir":
                Directory.CreateDirectory(path);
                if (special.TryGetProperty("mode", out var mode))
                {
                    File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32(mode.GetString(), 8));
                }

                break;
            case "symlink":
                File.CreateSymbolicLink(path, special.GetProperty("target").GetString()!);
                break;
            case "unreadable":
                File.SetUnixFileMode(path, UnixFileMode.None);
                break;
            default:
                throw new InvalidDataException($"unknown special kind in {special}");
        }
    }

    private void Damage(JsonElement mutation)
    {
        var folder = placeholders["{" + mutation.GetProperty("target").GetString()! + "}"];
        var op = mutation.GetProperty("op").GetString();
        if (op == "delete-folder")
        {
            Directory.Delete(folder, recursive: true);
            return;
        }

        var file = System.IO.Path.Combine(folder, mutation.GetProperty("file").GetString()!);
        switch (op)
        {
            case "delete":
                File.Delete(file);
                break;
            case "write":
                FileParts.Write(file, mutation);
                break;
            case "append":
                FileParts.Write(file, mutation, FileMode.Append);
                break;
            case "truncate":
                var length = new FileInfo(file).Length;
                using (var stream = new FileStream(file, FileMode.Open))
                {
                    stream.SetLength((long)(length * mutation.GetProperty("fraction").GetDouble()));
                }

                break;
            case "dir":
                File.Delete(file);
                Directory.CreateDirectory(file);
                break;
            case "fifo":
                File.Delete(file);
                MakeFifo(file);
                break;
            case "json-set":
                var json = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
                var raw = mutation.TryGetProperty("value", out var value)
                    ? value.GetString()!
                    : System.Text.Encoding.UTF8.GetString(FileParts.Bytes(mutation));
                json.Remove(mutation.GetProperty("key").GetString()!);
                var text = json.ToJsonString();
                var key = JsonSerializer.Serialize(mutation.GetProperty("key").GetString());
                File.WriteAllText(file, text[..^1] + (json.Count > 0 ? "," : "") + key + ":" + raw + "}");
                break;
            case "json-replace":
                File.WriteAllText(file, File.ReadAllText(file).Replace(
                    mutation.GetProperty("find").GetString()!, mutation.GetProperty("with").GetString(), StringComparison.Ordinal));
                break;
            default:
                CsvDamage.Apply(file, op!, mutation);
                break;
        }
    }

    private static void MakeFifo(string path)
    {
        if (mkfifo(path, 0x1A4) != 0)
        {
            throw new IOException($"mkfifo {path} failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [LibraryImport("libc", EntryPoint = "mkfifo", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int mkfifo(string path, uint mode);
}
