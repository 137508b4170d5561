using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ResumeSim.Model.Configuration;
using ResumeSim.Tls;

namespace ResumeSim.Cli.Calibration;

/// <summary>
/// A self-signed server certificate of one key type for the loopback servers, with a few subject
/// alternative names so that its DER form (over 500 B) is larger than any resumed handshake's server
/// flight: the client tells a resumption from a full handshake by the bytes it received.
/// </summary>
internal sealed class CalibrationCertificate : IDisposable
{
    private CalibrationCertificate(CertificateKind kind, X509Certificate2 certificate, string keyPem)
    {
        Kind = kind;
        Certificate = certificate;
        KeyPem = keyPem;
    }

    public CertificateKind Kind { get; }

    /// <summary>The certificate with its private key (for .NET's SslStream).</summary>
    public X509Certificate2 Certificate { get; }

    public string CertificatePem => Certificate.ExportCertificatePem();

    /// <summary>The private key in PKCS#8 PEM (for nginx).</summary>
    public string KeyPem { get; }

    /// <summary>Bytes of the certificate's DER form: a server flight with fewer bytes held no certificate.</summary>
    public int DerLength => Certificate.RawData.Length;

    public static CalibrationCertificate Create(CertificateKind kind)
    {
        AsymmetricAlgorithm key = kind switch
        {
            CertificateKind.EcdsaP256 => ECDsa.Create(ECCurve.NamedCurves.nistP256),
            CertificateKind.Rsa2048 => RSA.Create(2048),
            _ => RSA.Create(4096),
        };
        using (key)
        {
            var request = key is ECDsa ec
                ? new CertificateRequest("CN=localhost", ec, HashAlgorithmName.SHA256)
                : new CertificateRequest("CN=localhost", (RSA)key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("localhost");
            names.AddDnsName("*.localhost");
            names.AddDnsName("calibrate.resumesim.invalid");
            names.AddDnsName("www.calibrate.resumesim.invalid");
            names.AddDnsName("static.calibrate.resumesim.invalid");
            names.AddDnsName("api.calibrate.resumesim.invalid");
            names.AddDnsName("images.calibrate.resumesim.invalid");
            names.AddDnsName("cdn.calibrate.resumesim.invalid");
            request.CertificateExtensions.Add(names.Build());
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
            using var selfSigned = request.CreateSelfSigned(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero));

            // A certificate loaded from PKCS#12 carries its key in a form SslStream can use on every platform.
            var withKey = X509CertificateLoader.LoadPkcs12(selfSigned.Export(X509ContentType.Pkcs12), null);
            return new CalibrationCertificate(kind, withKey, key.ExportPkcs8PrivateKeyPem());
        }
    }

    public void Dispose() => Certificate.Dispose();
}
