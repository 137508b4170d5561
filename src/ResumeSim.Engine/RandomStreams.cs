namespace ResumeSim.Engine;

/// <summary>
/// One master seed, many independent named streams: <c>streams.Get("arrivals")</c>,
/// <c>streams.Get("client", 42)</c>.
/// </summary>
/// <remarks>
/// <para>A stream's seed is a hash of (master seed, name, index) only, never of how many streams
/// were made before it, so adding a component leaves every other component's numbers unchanged,
/// and every strategy in a comparison sees the same clients, visits and RTTs (common random
/// numbers, DESIGN §3). This is ns-3's "seed + run number" idea with names instead of counters.</para>
/// <para>The hash is FNV-1a over the name's UTF-16 code units followed by SplitMix64 finalisers:
/// fixed arithmetic, identical in every process and on every platform (unlike
/// <see cref="string.GetHashCode()"/>, which is randomised per process).</para>
/// <para><see cref="Get(string)"/> and <see cref="Get(string, long)"/> are separate families:
/// <c>Get("x")</c> is not <c>Get("x", 0)</c>. Each call returns a new stream positioned at its
/// start; keep the instance to continue a sequence.</para>
/// </remarks>
public sealed class RandomStreams
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;
    private const ulong Golden = 0x9E3779B97F4A7C15UL;
    private const ulong UnindexedTag = 0x6A09E667F3BCC909UL;

    /// <summary>Creates the stream family of one run.</summary>
    public RandomStreams(ulong masterSeed) => MasterSeed = masterSeed;

    /// <summary>The master seed (the scenario's <c>seed</c>, combined with the replication by the caller).</summary>
    public ulong MasterSeed { get; }

    /// <summary>The stream of one component; same name, same sequence.</summary>
    public RandomStream Get(string name) => new(DeriveSeed(MasterSeed, name));

    /// <summary>The stream of one entity of a component, e.g. client <paramref name="index"/>.</summary>
    public RandomStream Get(string name, long index) => new(DeriveSeed(MasterSeed, name, index));

    /// <summary>The seed of <see cref="Get(string)"/>; stable across processes and platforms.</summary>
    public static ulong DeriveSeed(ulong master, string name) => Mix(NameHash(master, name) ^ UnindexedTag);

    /// <summary>The seed of <see cref="Get(string, long)"/>; stable across processes and platforms.</summary>
    public static ulong DeriveSeed(ulong master, string name, long index) =>
        Mix(NameHash(master, name) ^ Mix(unchecked((ulong)index * Golden + Golden)));

    private static ulong NameHash(ulong master, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        ulong h = FnvOffset;
        foreach (char c in name)
        {
            h = (h ^ (byte)c) * FnvPrime;
            h = (h ^ (byte)(c >> 8)) * FnvPrime;
        }

        return Mix(Mix(master + Golden) ^ h);
    }

    /// <summary>The SplitMix64 finaliser: a bijection on 64 bits with full avalanche.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
