using System.Runtime.CompilerServices;

namespace ResumeSim.Engine;

/// <summary>The 16-byte element every queue stores: time, then a tie-breaking key.</summary>
internal struct QueueEntry
{
    public long Time;
    public long Key;

    public QueueEntry(long time, long key)
    {
        Time = time;
        Key = key;
    }

    /// <summary>Lexicographic (time, key) order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Less(in QueueEntry a, in QueueEntry b) =>
        a.Time < b.Time || (a.Time == b.Time && a.Key < b.Key);
}
