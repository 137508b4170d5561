using System.Runtime.CompilerServices;
using MathNet.Numerics.Distributions;
using ResumeSim.Engine;
using ResumeSim.Model.Clients;
using ResumeSim.Model.Configuration;
using ResumeSim.Model.Validation;
using ResumeSim.Tls;

namespace ResumeSim.Model.Arrivals;

/// <summary>
/// The clients as struct arrays (DESIGN.md section 4): what each client is (RTT, software) is drawn
/// once from the replication's seed, so every strategy of a replication sees the same clients.
/// Session caches are created on a client's first handshake. Per-client fields live together in one
/// <see cref="ClientRecord"/>: with a million clients every visit lands on a cold cache line, and one line
/// per client beats one per field. The records sit in the bytes the clients' cache strides leave spare,
/// when those hold them (<see cref="FitsBesideCaches"/>), and so cost no memory of their own (12 B a client
/// less, 120 MB at ten million; docs/performance.md, "The client record beside its cache"); otherwise in
/// an array of their own.
/// </summary>
internal sealed class ClientPopulation
{
    private readonly ClientRecord[]? _records;
    private readonly ClientCaches? _caches;
    private readonly double[]? _zipfRate;
    private readonly double _uniformRate;

    /// <param name="config">The clients.</param>
    /// <param name="replicationSeed">The replication's seed, from which each client is drawn.</param>
    /// <param name="caches">Caches made with <see cref="RecordBytes"/> of room per client, which then hold the records; null for an array of their own.</param>
    public ClientPopulation(ClientsConfig config, ulong replicationSeed, ClientCaches? caches = null)
    {
        Count = config.Count;
        _caches = caches;
        _records = caches is null ? LargeArrays.Allocate<ClientRecord>(Count) : null;
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

    /// <summary>The room a client's record takes beside its cache.</summary>
    public static int RecordBytes => Unsafe.SizeOf<ClientRecord>();

    public int Count { get; }

    /// <summary>The client presets of the mix, indexed by <see cref="KindOf"/>.</summary>
    public IReadOnlyList<ClientPreset> Kinds { get; }

    /// <summary>Client <paramref name="client"/>'s record: visit counter, RTT and kind.</summary>
    public ref ClientRecord this[int client] =>
        ref _records is null ? ref Unsafe.As<byte, ClientRecord>(ref _caches!.ClientRoom(client)) : ref _records[client];

    /// <summary>Whether the records fit in the room a stride of caches holding tickets of <paramref name="issuedTicketBytes"/> leaves spare.</summary>
    public static bool FitsBesideCaches(int issuedTicketBytes) => RecordBytes <= ClientSessionArena.SpareBytes(issuedTicketBytes);

    /// <summary>Hints that client <paramref name="client"/>'s record is about to be read (a record beside its cache comes with the cache's).</summary>
    public void Prefetch(int client)
    {
        if (_records is not null)
        {
            LargeArrays.Prefetch(ref _records[client]);
        }
    }

    public int KindOf(int client) => this[client].Kind;

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
            this[i].RttMicros = (int)Math.Clamp(Math.Round(micros), 1, int.MaxValue);
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

            this[i].Kind = (byte)kind;
        }
    }
}
