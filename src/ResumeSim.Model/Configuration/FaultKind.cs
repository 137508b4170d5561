namespace ResumeSim.Model.Configuration;

public enum FaultKind
{
    /// <summary>The server restarts: its session store and ticket keys are lost; it may be down for a while.</summary>
    Restart,

    /// <summary>The server's session store, one shared-cache node or the whole shared tier is flushed.</summary>
    FlushStore,

    /// <summary>A shared-cache node fails for a window (its operations miss or time out) and returns empty.</summary>
    CacheNodeFail,

    /// <summary>A server holds a ticket key ring of its own for a window instead of the farm's.</summary>
    KeyDesync,

    /// <summary>Every client visits <see cref="FaultConfig.Multiplier"/> times as often for a window.</summary>
    Surge,

    /// <summary><see cref="FaultConfig.Count"/> servers join the farm.</summary>
    ScaleOut,

    /// <summary><see cref="FaultConfig.Count"/> servers (the highest-numbered live ones) leave the farm.</summary>
    ScaleIn,
}
