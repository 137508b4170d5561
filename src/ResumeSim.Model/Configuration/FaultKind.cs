namespace ResumeSim.Model.Configuration;

public enum FaultKind
{
    /// <summary>The server restarts: its session store and ticket keys are lost.</summary>
    Restart,

    /// <summary>The server's session store (or the shared store) is flushed.</summary>
    FlushStore,
}
