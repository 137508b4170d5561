using ResumeSim.Cli.Calibration;
using ResumeSim.Model.Configuration;
using ResumeSim.Scenarios;

namespace ResumeSim.Cli.Tests;

public sealed class CalibrateCommandTests
{
    [Fact]
    public void CalibratedProfile_OnTheReferenceMachine_IsTheDefaultProfile()
    {
        var profile = CalibratedProfile.Build(PrimitiveTimings.Reference, PrimitiveTimings.Reference, "reference");

        foreach (var (key, micros) in CostProfile.Default.HandshakeCosts)
        {
            Assert.Equal(micros, profile.HandshakeMicros(key.Item1, key.Item2, key.Item3), 1);
        }
    }

    [Fact]
    public void CalibratedProfile_TwiceSlowerSignatures_CostMoreOnlyInFullHandshakes()
    {
        var slowRsa = PrimitiveTimings.Reference with { Rsa2048Sign = PrimitiveTimings.Reference.Rsa2048Sign * 2 };

        var profile = CalibratedProfile.Build(slowRsa, PrimitiveTimings.Reference, "slow rsa");

        // The full handshake gains one more RSA-2048 signature (331 us); resumptions are unchanged.
        Assert.Equal(455 + 331, profile.HandshakeMicros(ProtocolVersion.Tls12, CertificateKind.Rsa2048, CostedHandshake.Full), 1);
        Assert.Equal(32, profile.HandshakeMicros(ProtocolVersion.Tls12, CertificateKind.Rsa2048, CostedHandshake.Resumed), 1);
        Assert.Equal(235, profile.HandshakeMicros(ProtocolVersion.Tls12, CertificateKind.EcdsaP256, CostedHandshake.Full), 1);
    }

    [Fact]
    public void Calibrate_WritesAProfileThatScenariosCanUse()
    {
        using var temp = new TempFolder();
        var file = Path.Combine(temp.Path, "host.yaml");

        var (exit, stdout, stderr) = CliRunner.Run("calibrate", "--quick", "--out", file);

        Assert.True(exit == 0, stderr);
        Assert.Contains("RSA-2048 sign", stdout);
        var profile = CostProfileLoader.Load(file);
        Assert.Equal("calibrated", profile.Name);
        Assert.True(profile.HandshakeMicros(ProtocolVersion.Tls12, CertificateKind.Rsa2048, CostedHandshake.Full)
            > profile.HandshakeMicros(ProtocolVersion.Tls12, CertificateKind.Rsa2048, CostedHandshake.Resumed));
    }

    [Fact]
    public void CostProfileWriter_RoundTripsTheDefaultProfile()
    {
        using var temp = new TempFolder();
        var file = temp.Write("default.yaml", CostProfileWriter.ToYaml(CostProfile.Default, ["a comment"]));

        var profile = CostProfileLoader.Load(file);

        foreach (var (key, micros) in CostProfile.Default.HandshakeCosts)
        {
            Assert.Equal(micros, profile.HandshakeMicros(key.Item1, key.Item2, key.Item3), 6);
        }
    }
}
