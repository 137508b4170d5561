using ResumeSim.Model.Arrivals;
using ResumeSim.Model.Balancing;
using ResumeSim.Model.Configuration;
using ResumeSim.Tls;

namespace ResumeSim.Scenarios.Binding;

/// <summary>The spelling of every enumerated value a scenario file may use (docs/scenarios.md lists them).</summary>
internal static class Choices
{
    public static readonly IReadOnlyDictionary<string, ProtocolVersion> Version = new Dictionary<string, ProtocolVersion>
    {
        ["1.2"] = ProtocolVersion.Tls12, ["1.3"] = ProtocolVersion.Tls13,
    };

    public static readonly IReadOnlyDictionary<string, CertificateKind> Certificate = new Dictionary<string, CertificateKind>
    {
        ["ecdsa-p256"] = CertificateKind.EcdsaP256, ["rsa-2048"] = CertificateKind.Rsa2048, ["rsa-4096"] = CertificateKind.Rsa4096,
    };

    public static readonly IReadOnlyDictionary<string, StartState> Start = new Dictionary<string, StartState>
    {
        ["empty"] = StartState.Empty, ["stationary"] = StartState.Stationary,
    };

    public static readonly IReadOnlyDictionary<string, KeyExchangeKind> KeyExchange = new Dictionary<string, KeyExchangeKind>
    {
        ["x25519"] = KeyExchangeKind.X25519, ["p256"] = KeyExchangeKind.P256, ["x25519mlkem768"] = KeyExchangeKind.X25519MlKem768,
    };

    public static readonly IReadOnlyDictionary<string, HttpVersion> Http = new Dictionary<string, HttpVersion>
    {
        ["h1"] = HttpVersion.H1, ["h2"] = HttpVersion.H2,
    };

    public static readonly IReadOnlyDictionary<string, ConnectionWait> Wait = new Dictionary<string, ConnectionWait>
    {
        ["wait-for-first"] = ConnectionWait.WaitForFirst, ["parallel"] = ConnectionWait.Parallel,
    };

    public static readonly IReadOnlyDictionary<string, BalancerKind> Balancer = new Dictionary<string, BalancerKind>
    {
        ["round-robin"] = BalancerKind.RoundRobin, ["random"] = BalancerKind.Random,
        ["least-connections"] = BalancerKind.LeastConnections, ["source-hash"] = BalancerKind.SourceHash,
        ["consistent-hash"] = BalancerKind.ConsistentHash, ["session-sticky"] = BalancerKind.SessionSticky,
    };

    public static readonly IReadOnlyDictionary<string, StoreScope> Store = new Dictionary<string, StoreScope>
    {
        ["per-server"] = StoreScope.PerServer, ["shared"] = StoreScope.Shared, ["per-worker"] = StoreScope.PerWorker,
    };

    public static readonly IReadOnlyDictionary<string, StoreEviction> Eviction = new Dictionary<string, StoreEviction>
    {
        ["fifo"] = StoreEviction.Fifo, ["lru"] = StoreEviction.Lru,
    };

    public static readonly IReadOnlyDictionary<string, KeyScope> Keys = new Dictionary<string, KeyScope>
    {
        ["shared"] = KeyScope.Shared, ["per-server"] = KeyScope.PerServer,
    };

    public static readonly IReadOnlyDictionary<string, TicketCipherKind> Cipher = new Dictionary<string, TicketCipherKind>
    {
        ["aes128-cbc-hmac-sha256"] = TicketCipherKind.Aes128CbcHmacSha256,
        ["aes256-cbc-hmac-sha256"] = TicketCipherKind.Aes256CbcHmacSha256,
        ["aes256-gcm"] = TicketCipherKind.Aes256Gcm,
    };

    /// <summary><c>psk: dhe</c> is psk_dhe_ke, <c>psk: ke</c> is psk_ke (RFC 8446 4.2.9).</summary>
    public static readonly IReadOnlyDictionary<string, bool> PskDhe = new Dictionary<string, bool>
    {
        ["dhe"] = true, ["ke"] = false,
    };

    public static readonly IReadOnlyDictionary<string, VisitProcessKind> VisitProcess = new Dictionary<string, VisitProcessKind>
    {
        ["poisson"] = VisitProcessKind.Poisson, ["pareto"] = VisitProcessKind.Pareto, ["lognormal"] = VisitProcessKind.LogNormal,
    };

    public static readonly IReadOnlyList<string> Charts =
        ["resumption", "latency-cdf", "page-cdf", "cpu", "servers-cpu", "capacity", "memory", "comparison", "timeline", "resumption-time"];

    public static string Spell<T>(IReadOnlyDictionary<string, T> choices, T value)
    {
        foreach (var pair in choices)
        {
            if (EqualityComparer<T>.Default.Equals(pair.Value, value))
            {
                return pair.Key;
            }
        }

        return value?.ToString() ?? "";
    }
}
