using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ResumeSim.Engine;

/// <summary>
/// Tables of the ziggurat method for the unit exponential distribution (Marsaglia and Tsang, "The
/// Ziggurat Method for Generating Random Variables", Journal of Statistical Software 5(8), 2000):
/// the density e^-x cut into 256 layers of equal area, so a draw is almost always one table lookup,
/// one multiplication and one comparison instead of a logarithm.
/// </summary>
/// <remarks>
/// <para>Layer 0 is the base: the rectangle [0, R] x [0, e^-R] together with the tail beyond R, drawn
/// as one rectangle of width V / e^-R. Layer i &gt; 0 is [0, x_i] x [e^-x_i, e^-x_(i+1)], with
/// x_1 = R and x_(i+1) = -ln(V / x_i + e^-x_i); the recursion ends at x_256 = 0. R and V are the
/// paper's values for 256 layers; every layer then has area V.</para>
/// <para>A draw splits one 64-bit word: the low 8 bits pick the layer, the top 53 bits are the uniform
/// position across it. The point is accepted at once when it lies left of the next layer's edge
/// (probability 0.978), where the whole layer is under the curve. Otherwise a point in layer i &gt; 0
/// gets a uniform height within the layer's band and is kept if that height is below e^-x, and a point
/// in the base layer beyond R draws from the tail, which for the exponential is R plus a fresh unit
/// exponential. The method is exact: the variates have the exponential distribution (to the 2^-53
/// resolution of the uniform), not an approximation of it.</para>
/// </remarks>
internal static class ExponentialZiggurat
{
    /// <summary>Right edge of the base layer's rectangle, x_1 (Marsaglia and Tsang, 2000, 256 layers).</summary>
    internal const double R = 7.69711747013104972;

    /// <summary>Area of every layer (Marsaglia and Tsang, 2000, 256 layers).</summary>
    internal const double V = 3.949659822581572e-3;

    private const double Unit53 = 1.0 / (1UL << 53);

    /// <summary>x_i for i in 0..256: x_0 = V / e^-R is the base layer's width as one rectangle, x_256 = 0.</summary>
    internal static readonly double[] Edges = BuildEdges();

    /// <summary>e^-x_i for i in 0..256 (index 0 holds 0, the base layer's floor).</summary>
    internal static readonly double[] Heights = BuildHeights(Edges);

    /// <summary>Per layer, the two numbers of the fast path side by side, so a draw reads one 16-byte entry.</summary>
    private static readonly LayerEntry[] Layers = BuildLayers(Edges);

    /// <summary>A unit exponential variate from <paramref name="stream"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Next(RandomStream stream)
    {
        ulong bits = stream.NextUInt64();
        // The mask keeps the index inside the 256 entries, so the read needs no bounds check.
        ref readonly LayerEntry entry = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Layers), (nint)(bits & 0xFF));
        ulong position = bits >> 11;
        return position < entry.Inner ? position * entry.Width : NextOffEdge(stream, bits);
    }

    /// <summary>The draws (about 1 in 45) whose first point is not at once under the curve.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double NextOffEdge(RandomStream stream, ulong bits)
    {
        double offset = 0;
        while (true)
        {
            int layer = (int)(bits & 0xFF);
            ulong position = bits >> 11;
            var entry = Layers[layer];
            double x = position * entry.Width;
            if (position < entry.Inner)
            {
                return offset + x;
            }

            if (layer == 0)
            {
                offset += R; // beyond R the exponential forgets: the tail is R plus a fresh draw
            }
            else
            {
                double y = Heights[layer] + ((stream.NextUInt64() >> 11) * Unit53 * (Heights[layer + 1] - Heights[layer]));
                if (y < Math.Exp(-x))
                {
                    return offset + x;
                }
            }

            bits = stream.NextUInt64();
        }
    }

    private static double[] BuildEdges()
    {
        var edges = new double[257];
        edges[0] = V / Math.Exp(-R);
        edges[1] = R;
        for (int i = 1; i < 255; i++)
        {
            edges[i + 1] = -Math.Log((V / edges[i]) + Math.Exp(-edges[i]));
        }

        edges[256] = 0; // the recursion lands within 1e-9 of 0 (tested); the top layer ends at the axis
        return edges;
    }

    private static double[] BuildHeights(double[] edges)
    {
        var heights = new double[257];
        for (int i = 1; i < heights.Length; i++)
        {
            heights[i] = Math.Exp(-edges[i]);
        }

        return heights;
    }

    private static LayerEntry[] BuildLayers(double[] edges)
    {
        var layers = new LayerEntry[256];
        for (int i = 0; i < layers.Length; i++)
        {
            // Points at positions below Inner lie left of x_(i+1), where the whole layer is under the curve.
            layers[i] = new LayerEntry((ulong)(edges[i + 1] / edges[i] * (1UL << 53)), edges[i] * Unit53);
        }

        return layers;
    }

    /// <summary>One layer's fast path: positions below <paramref name="Inner"/> are accepted; <paramref name="Width"/> is x_i / 2^53.</summary>
    private readonly record struct LayerEntry(ulong Inner, double Width);
}
