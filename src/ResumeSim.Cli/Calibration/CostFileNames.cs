using ResumeSim.Model.Configuration;
using ResumeSim.Tls;

namespace ResumeSim.Cli.Calibration;

/// <summary>How a cost-profile file spells certificates and key exchanges (docs/scenarios.md, "Cost-profile file format").</summary>
internal static class CostFileNames
{
    public static string Certificate(CertificateKind kind) => kind switch
    {
        CertificateKind.EcdsaP256 => "ecdsa-p256",
        CertificateKind.Rsa2048 => "rsa-2048",
        _ => "rsa-4096",
    };

    public static string KeyExchange(KeyExchangeKind kind) => kind switch
    {
        KeyExchangeKind.X25519 => "x25519",
        KeyExchangeKind.P256 => "p256",
        _ => "x25519mlkem768",
    };
}
