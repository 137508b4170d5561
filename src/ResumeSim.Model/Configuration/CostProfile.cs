using ResumeSim.Tls;

namespace ResumeSim.Model.Configuration;

/// <summary>
/// Server CPU time charged per connection: a base for everything that is not the handshake (accept,
/// request, response, logging, close, kernel time), the handshake by its kind, the key exchange's
/// extra over X25519, and the ticket and session-store operations the handshake did (docs/costs.md).
/// Costs charged in a simulation always come from here, never from timing the real crypto that runs
/// inside it, so results stay deterministic (DESIGN.md section 4).
/// </summary>
public sealed record CostProfile
{
    private readonly Dictionary<(ProtocolVersion, CertificateKind, CostedHandshake), double> _handshakeMicros;
    private readonly double _connectionMicros;
    private readonly IReadOnlyDictionary<KeyExchangeKind, double> _keyExchangeMicros = new Dictionary<KeyExchangeKind, double> { [KeyExchangeKind.X25519] = 0 };

    public CostProfile(
        string name,
        string provenance,
        IReadOnlyDictionary<(ProtocolVersion Version, CertificateKind Certificate, CostedHandshake Kind), double> handshakeMicros,
        double ticketSealMicros,
        double ticketOpenMicros,
        double storeOperationMicros)
    {
        ArgumentNullException.ThrowIfNull(handshakeMicros);
        Name = name;
        Provenance = provenance;
        _handshakeMicros = new(handshakeMicros.Count);
        foreach (var pair in handshakeMicros)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(pair.Value);
            _handshakeMicros[pair.Key] = pair.Value;
        }

        TicketSealMicros = ticketSealMicros;
        TicketOpenMicros = ticketOpenMicros;
        StoreOperationMicros = storeOperationMicros;
    }

    /// <summary>The measured defaults: whole nginx connections on this project's machine (see DefaultCostProfile).</summary>
    public static CostProfile Default { get; } = DefaultCostProfile.Create();

    public string Name { get; }

    /// <summary>Where the numbers come from, in words.</summary>
    public string Provenance { get; }

    /// <summary>
    /// CPU of one connection besides its handshake: accept, reading the request, writing the response,
    /// logging, close, kernel time. Charged once per connection, after the handshake, on the same core.
    /// </summary>
    public double ConnectionMicros
    {
        get => _connectionMicros;
        init => _connectionMicros = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "a CPU time cannot be negative");
    }

    /// <summary>
    /// Extra CPU of one key exchange by each group over X25519 (which the handshake costs hold),
    /// charged on full handshakes and TLS 1.3 psk_dhe_ke resumptions. X25519 is always 0.
    /// </summary>
    public IReadOnlyDictionary<KeyExchangeKind, double> KeyExchangeMicros
    {
        get => _keyExchangeMicros;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            var table = new Dictionary<KeyExchangeKind, double>(value) { [KeyExchangeKind.X25519] = 0 };
            foreach (var micros in table.Values)
            {
                ArgumentOutOfRangeException.ThrowIfNegative(micros);
            }

            _keyExchangeMicros = table;
        }
    }

    /// <summary>What a reader of the profile should be told (for example a cost the file left out and its default).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Extra CPU to seal one ticket (charged on top of the handshake's cost).</summary>
    public double TicketSealMicros { get; }

    /// <summary>Extra CPU to open (decrypt and verify) one ticket.</summary>
    public double TicketOpenMicros { get; }

    /// <summary>Extra CPU of one session-store lookup or insert on the server itself.</summary>
    public double StoreOperationMicros { get; }

    /// <summary>Fixed prices (the default) or exponential service times with the price as their mean.</summary>
    public ServiceTimeDistribution ServiceTime { get; init; } = ServiceTimeDistribution.Fixed;

    /// <summary>True when every cost is zero: CPU is not modelled.</summary>
    public bool IsFree => TicketSealMicros == 0 && TicketOpenMicros == 0 && StoreOperationMicros == 0 && ConnectionMicros == 0
        && _handshakeMicros.Values.All(v => v == 0) && _keyExchangeMicros.Values.All(v => v == 0);

    /// <summary>Every priced (version, certificate, handshake) combination.</summary>
    public IEnumerable<KeyValuePair<(ProtocolVersion, CertificateKind, CostedHandshake), double>> HandshakeCosts => _handshakeMicros;

    /// <summary>Every cost the same: <c>costs: {fixed: 0}</c> turns CPU cost off.</summary>
    public static CostProfile Fixed(double micros) =>
        new($"fixed-{micros}", "every handshake costs the same fixed time", EveryKind(micros), 0, 0, 0)
        {
            KeyExchangeMicros = NoExtraKeyExchange(),
        };

    /// <summary>
    /// Every handshake's CPU time drawn from an exponential distribution of mean <paramref name="micros"/>:
    /// <c>costs: {exponential: 1ms}</c> makes the server queue M/M/c (validation against Erlang C).
    /// </summary>
    public static CostProfile Exponential(double micros) =>
        new($"exponential-{micros}", "every handshake's CPU time is exponential with the same mean", EveryKind(micros), 0, 0, 0)
        {
            ServiceTime = ServiceTimeDistribution.Exponential,
            KeyExchangeMicros = NoExtraKeyExchange(),
        };

    /// <summary>Extra CPU of a key exchange of <paramref name="kind"/> over X25519, or false when the profile does not price it.</summary>
    public bool TryGetKeyExchangeMicros(KeyExchangeKind kind, out double micros) => _keyExchangeMicros.TryGetValue(kind, out micros);

    /// <summary>CPU microseconds of one handshake of this kind, or false when the profile lacks it.</summary>
    public bool TryGetHandshakeMicros(ProtocolVersion version, CertificateKind certificate, CostedHandshake kind, out double micros) =>
        _handshakeMicros.TryGetValue((version, certificate, kind), out micros);

    /// <summary>CPU microseconds of one handshake of this kind.</summary>
    public double HandshakeMicros(ProtocolVersion version, CertificateKind certificate, CostedHandshake kind) =>
        TryGetHandshakeMicros(version, certificate, kind, out var micros)
            ? micros
            : throw new KeyNotFoundException($"cost profile '{Name}' has no cost for {version} {certificate} {kind}");

    private static Dictionary<KeyExchangeKind, double> NoExtraKeyExchange() => Enum.GetValues<KeyExchangeKind>().ToDictionary(kind => kind, _ => 0.0);

    private static Dictionary<(ProtocolVersion, CertificateKind, CostedHandshake), double> EveryKind(double micros)
    {
        var table = new Dictionary<(ProtocolVersion, CertificateKind, CostedHandshake), double>();
        foreach (var version in Enum.GetValues<ProtocolVersion>())
        {
            foreach (var certificate in Enum.GetValues<CertificateKind>())
            {
                foreach (var kind in Enum.GetValues<CostedHandshake>())
                {
                    table[(version, certificate, kind)] = micros;
                }
            }
        }

        return table;
    }
}
