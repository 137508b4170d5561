namespace ResumeSim.Scenarios.Input;

/// <summary>What a path names, as far as reading it safely is concerned (<see cref="FileTypeProbe"/>).</summary>
internal enum FileType
{
    Missing,
    Regular,
    Directory,

    /// <summary>A pipe, socket, or character or block device.</summary>
    Special,

    /// <summary>The type could not be read (not Linux, or statx refused); the caller reads with a byte cap.</summary>
    Unknown,
}
