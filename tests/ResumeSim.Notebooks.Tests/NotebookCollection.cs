namespace ResumeSim.Notebooks.Tests;

/// <summary>
/// Notebook runs change the process's current directory (relative <c>#r</c> paths resolve against
/// it), so every test that runs a notebook joins this collection and they run one at a time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NotebookCollection
{
    public const string Name = "notebooks";
}
