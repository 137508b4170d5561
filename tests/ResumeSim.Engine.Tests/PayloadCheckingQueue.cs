using ResumeSim.Engine;

namespace ResumeSim.Engine.Tests;

/// <summary>
/// (time, key) views of <see cref="IEventQueue"/> for the order tests: every entry is enqueued with a
/// payload derived from its key, and every peek or dequeue checks that the payload came back with
/// its own key, so each order test also checks that payloads travel with their entries.
/// </summary>
internal static class PayloadCheckingQueue
{
    /// <summary>A payload that uses all 64 bits and differs from the key (a SplitMix64 finaliser).</summary>
    public static long PayloadOf(long key)
    {
        ulong z = unchecked((ulong)key + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return unchecked((long)(z ^ (z >> 31)));
    }

    public static void Enqueue(this IEventQueue queue, long time, long key) => queue.Enqueue(time, key, PayloadOf(key));

    public static bool TryDequeue(this IEventQueue queue, out long time, out long key)
    {
        bool any = queue.TryDequeue(out QueueEntry entry);
        return Unpack(any, entry, out time, out key);
    }

    public static bool TryPeek(this IEventQueue queue, out long time, out long key)
    {
        bool any = queue.TryPeek(out QueueEntry entry);
        return Unpack(any, entry, out time, out key);
    }

    private static bool Unpack(bool any, QueueEntry entry, out long time, out long key)
    {
        if (any)
        {
            Assert.Equal(PayloadOf(entry.Key), entry.Payload);
        }
        else
        {
            Assert.Equal(default, entry);
        }

        time = entry.Time;
        key = entry.Key;
        return any;
    }
}
