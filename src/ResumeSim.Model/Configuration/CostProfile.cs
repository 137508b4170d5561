namespace ResumeSim.Model.Configuration;

/// <summary>
/// Server CPU time charged per handshake and per resumption operation. Costs charged in a
/// simulation always come from here, never from timing the real crypto that runs inside it, so
/// results stay deterministic (DESIGN.md section 4).
/// </summary>
public sealed record CostProfile
{
    private readonly Dictionary<(ProtocolVersion, CertificateKind, CostedHandshake), double> _handshakeMicros;

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

    /// <summary>The measured defaults of reference/parameters.md section 5 (see DefaultCostProfile).</summary>
    public static CostProfile Default { get; } = DefaultCostProfile.Create();

    public string Name { get; }

    /// <summary>Where the numbers come from, in words.</summary>
    public string Provenance { get; }

    /// <summary>Extra CPU to seal one ticket (charged on top of the handshake's cost).</summary>
    public double TicketSealMicros { get; }

    /// <summary>Extra CPU to open (decrypt and verify) one ticket.</summary>
    public double TicketOpenMicros { get; }

    /// <summary>Extra CPU of one session-store lookup or insert on the server itself.</summary>
    public double StoreOperationMicros { get; }

    /// <summary>Fixed prices (the default) or exponential service times with the price as their mean.</summary>
    public ServiceTimeDistribution ServiceTime { get; init; } = ServiceTimeDistribution.Fixed;

    /// <summary>True when every cost is zero: CPU is not modelled.</summary>
    public bool IsFree => TicketSealMicros == 0 && TicketOpenMicros == 0 && StoreOperationMicros == 0
        && _handshakeMicros.Values.All(v => v == 0);

    /// <summary>Every priced (version, certificate, handshake) combination.</summary>
    public IEnumerable<KeyValuePair<(ProtocolVersion, CertificateKind, CostedHandshake), double>> HandshakeCosts => _handshakeMicros;

    /// <summary>Every cost the same: <c>costs: {fixed: 0}</c> turns CPU cost off.</summary>
    public static CostProfile Fixed(double micros) =>
        new($"fixed-{micros}", "every handshake costs the same fixed time", EveryKind(micros), 0, 0, 0);

    /// <summary>
    /// Every handshake's CPU time drawn from an exponential distribution of mean <paramref name="micros"/>:
    /// <c>costs: {exponential: 1ms}</c> makes the server queue M/M/c (validation against Erlang C).
    /// </summary>
    public static CostProfile Exponential(double micros) =>
        new($"exponential-{micros}", "every handshake's CPU time is exponential with the same mean", EveryKind(micros), 0, 0, 0)
        {
            ServiceTime = ServiceTimeDistribution.Exponential,
        };

    /// <summary>CPU microseconds of one handshake of this kind, or false when the profile lacks it.</summary>
    public bool TryGetHandshakeMicros(ProtocolVersion version, CertificateKind certificate, CostedHandshake kind, out double micros) =>
        _handshakeMicros.TryGetValue((version, certificate, kind), out micros);

    /// <summary>CPU microseconds of one handshake of this kind.</summary>
    public double HandshakeMicros(ProtocolVersion version, CertificateKind certificate, CostedHandshake kind) =>
        TryGetHandshakeMicros(version, certificate, kind, out var micros)
            ? micros
            : throw new KeyNotFoundException($"cost profile '{Name}' has no cost for {version} {certificate} {kind}");

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
