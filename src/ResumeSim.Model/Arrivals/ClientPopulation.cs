using MathNet.Numerics.Distributions;
using ResumeSim.Engine;
using ResumeSim.Model.Configuration;
using ResumeSim.Model.Validation;
using ResumeSim.Tls;

namespace ResumeSim.Model.Arrivals;

/// <summary>
/// The clients as struct arrays (DESIGN.md section 4): what each client is (RTT, software) is drawn
/// once from the replication's seed, so every strategy of a replication sees the same clients.
/// Session caches are created on a client's first handshake. Per-client fields live together in one
/// <see cref="ClientRecord"/> array: with a million clients every visit lands on a cold cache line, and
/// one line per client beats one per field.
/// </summary>
internal sealed class ClientPopulation
{
    private readonly ClientRecord[] _records;
    private readonly double[]? _zipfRate;
    private readonly double _uniformRate;

    public ClientPopulation(ClientsConfig config, ulong replicationSeed)
    {
        Count = config.Count;
        _records = LargeArrays.Allocate<ClientRecord>(Count);
        Kinds = ResolveKinds(config.Mix);

        var streams = new RandomStreams(replicationSeed);
        DrawRtts(config.Rtt, streams.Get("client-rtt"));
        DrawKinds(config.Mix, streams.Get("client-kind"));

        if (config.Popularity.Kind == PopularityKind.Zipf)
        {
            _zipfRate = VisitRates.Of(config);
        }
        else
        {
            _uniformRate = config.VisitsPerSecond;
        }
    }

    public int Count { get; }

    /// <summary>The client presets of the mix, indexed by <see cref="KindOf"/>.</summary>
    public IReadOnlyList<ClientPreset> Kinds { get; }

    /// <summary>Client <paramref name="client"/>'s record: visit counter, RTT and kind.</summary>
    public ref ClientRecord this[int client] => ref _records[client];

    /// <summary>Hints that client <paramref name="client"/>'s record is about to be read.</summary>
    public void Prefetch(int client) => LargeArrays.Prefetch(ref _records[client]);

    public int KindOf(int client) => _records[client].Kind;

    /// <summary>This client's mean visits per second.</summary>
    public double VisitRate(int client) => _zipfRate is null ? _uniformRate : _zipfRate[client];

    private static ClientPreset[] ResolveKinds(IReadOnlyList<ClientMixEntry> mix)
    {
        if (mix.Count is 0 or > byte.MaxValue)
        {
            throw new ArgumentException($"a client mix needs 1 to {byte.MaxValue} entries, got {mix.Count}", nameof(mix));
        }

        var kinds = new ClientPreset[mix.Count];
        for (var i = 0; i < mix.Count; i++)
        {
            kinds[i] = ClientPresets.TryGet(mix[i].Preset, out var preset)
                ? preset
                : throw new ArgumentException($"unknown client preset '{mix[i].Preset}'", nameof(mix));
        }

        return kinds;
    }

    private void DrawRtts(RttConfig rtt, RandomStream rng)
    {
        var medianMicros = rtt.Median.TotalMicroseconds;
        var mu = Math.Log(medianMicros);
        for (var i = 0; i < Count; i++)
        {
            var micros = rtt.Kind == RttKind.Fixed ? medianMicros : LogNormal.Sample(rng, mu, rtt.Sigma);
            _records[i].RttMicros = (int)Math.Clamp(Math.Round(micros), 1, int.MaxValue);
        }
    }

    private void DrawKinds(IReadOnlyList<ClientMixEntry> mix, RandomStream rng)
    {
        for (var i = 0; i < Count; i++)
        {
            var u = rng.NextDouble();
            var kind = mix.Count - 1;
            var cumulative = 0.0;
            for (var k = 0; k < mix.Count; k++)
            {
                cumulative += mix[k].Share;
                if (u < cumulative)
                {
                    kind = k;
                    break;
                }
            }

            _records[i].Kind = (byte)kind;
        }
    }
}
