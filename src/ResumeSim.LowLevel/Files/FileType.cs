namespace ResumeSim.LowLevel.Files;

/// <summary>What a path names, as far as reading it safely is concerned (<see cref="FileTypeProbe"/>).</summary>
public enum FileType
{
    /// <summary>Nothing at the path (or a dangling link).</summary>
    Missing,

    /// <summary>A regular file, after links.</summary>
    Regular,

    /// <summary>A folder, after links.</summary>
    Directory,

    /// <summary>A pipe, socket, or character or block device.</summary>
    Special,

    /// <summary>The type could not be read (not Linux, or statx refused); the caller reads with a byte cap.</summary>
    Unknown,
}
