namespace ResumeSim.Model.Configuration;

public enum CertificateKind
{
    EcdsaP256,
    Rsa2048,
    Rsa4096,
}
