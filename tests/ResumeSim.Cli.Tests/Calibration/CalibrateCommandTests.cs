using ResumeSim.Cli.Calibration;
using ResumeSim.Model.Configuration;
using ResumeSim.Scenarios;
using ResumeSim.Tls;

namespace ResumeSim.Cli.Tests.Calibration;

public sealed class CalibrateCommandTests
{
    [Fact]
    public void CalibrateQuick_WithTheBuiltInServer_WritesAProfileThatRunAccepts()
    {
        // A fresh machine without nginx: the loopback SslStream server. The whole command must stay
        // under 30 s; run takes the profile as written.
        using var temp = new TempFolder();
        var profileFile = Path.Combine(temp.Path, "host.yaml");

        var (exit, stdout, stderr) = CliRunner.Run("calibrate", "--quick", "--server", "builtin", "--out", profileFile);

        Assert.True(exit == 0, stderr);
        Assert.Contains("plain TCP (the base)", stdout);
        Assert.Contains("TLS 1.2 resumed by session ID: not produced by this server", stdout);
        Assert.Contains("RSA-2048 sign", stdout);
        var profile = CostProfileLoader.Load(profileFile);
        Assert.Equal("calibrated", profile.Name);
        Assert.Empty(profile.Notes);
        Assert.True(profile.ConnectionMicros > 0);
        foreach (var certificate in Enum.GetValues<CertificateKind>())
        {
            Assert.True(profile.HandshakeMicros(ProtocolVersion.Tls12, certificate, CostedHandshake.Full)
                > profile.HandshakeMicros(ProtocolVersion.Tls12, certificate, CostedHandshake.Resumed));
        }

        var scenario = temp.Write("s.yaml", SmallScenario.Yaml.Replace("output:", "costs: host.yaml\noutput:", StringComparison.Ordinal));
        var (runExit, runOut, runErr) = CliRunner.Run("run", scenario, "--out", Path.Combine(temp.Path, "results"), "--quiet", "--replications", "1");
        Assert.True(runExit == 0, runErr + runOut);

        // Profiles and run folders are shared; neither names the machine they were made on (as a
        // word: a host called "vm" may meet "reference VM" in the text).
        var hostName = new System.Text.RegularExpressions.Regex($@"(?<![\w.-]){System.Text.RegularExpressions.Regex.Escape(Environment.MachineName)}(?![\w-])");
        Assert.DoesNotMatch(hostName, File.ReadAllText(profileFile));
        Assert.DoesNotMatch(hostName, File.ReadAllText(Path.Combine(runOut.Trim(), "run.json")));
    }

    [Fact]
    public void ConnectionProfile_TakesTheBaseAndTheOperationsOutOfEachConnection()
    {
        // Figures chosen so that every handshake comes out a round number after the default
        // profile's operations are taken out (docs/costs.md, "How the default profile was measured").
        var d = CostProfile.Default;
        var figures = new Dictionary<(ConnectionKind, CertificateKind), ConnectionFigure>
        {
            [(ConnectionKind.Plain, CertificateKind.EcdsaP256)] = Figure(50),
            [(ConnectionKind.Tls12FullId, CertificateKind.EcdsaP256)] = Figure(50 + 600 + d.StoreOperationMicros),
            [(ConnectionKind.Tls12FullTicket, CertificateKind.EcdsaP256)] = Figure(50 + 600 + d.TicketSealMicros),
            [(ConnectionKind.Tls12ResumedId, CertificateKind.EcdsaP256)] = Figure(50 + 300 + d.StoreOperationMicros),
            [(ConnectionKind.Tls12ResumedTicket, CertificateKind.EcdsaP256)] = Figure(50 + 300 + d.TicketOpenMicros),
            [(ConnectionKind.Tls13Full, CertificateKind.EcdsaP256)] = Figure(50 + 700 + (2 * d.TicketSealMicros)),
            [(ConnectionKind.Tls13PskDhe, CertificateKind.EcdsaP256)] = Figure(50 + 500 + d.TicketOpenMicros + d.TicketSealMicros),
        };
        var derived = new List<string>();

        var profile = ConnectionProfile.Build(figures, "test", PrimitiveTimings.Reference, derived);

        Assert.Equal(50, profile.ConnectionMicros);
        Assert.Equal(600, profile.HandshakeMicros(ProtocolVersion.Tls12, CertificateKind.EcdsaP256, CostedHandshake.Full), 1);
        Assert.Equal(300, profile.HandshakeMicros(ProtocolVersion.Tls12, CertificateKind.EcdsaP256, CostedHandshake.Resumed), 1);
        Assert.Equal(700, profile.HandshakeMicros(ProtocolVersion.Tls13, CertificateKind.EcdsaP256, CostedHandshake.Full), 1);
        Assert.Equal(500, profile.HandshakeMicros(ProtocolVersion.Tls13, CertificateKind.EcdsaP256, CostedHandshake.PskDhe), 1);
        var x25519 = d.HandshakeMicros(ProtocolVersion.Tls13, CertificateKind.EcdsaP256, CostedHandshake.PskDhe) - d.HandshakeMicros(ProtocolVersion.Tls13, CertificateKind.EcdsaP256, CostedHandshake.Psk);
        Assert.Equal(500 - x25519, profile.HandshakeMicros(ProtocolVersion.Tls13, CertificateKind.EcdsaP256, CostedHandshake.Psk), 1);
        Assert.False(profile.TryGetHandshakeMicros(ProtocolVersion.Tls12, CertificateKind.Rsa2048, CostedHandshake.Full, out _));
        Assert.Contains(derived, line => line.StartsWith("tls13 psk (psk_ke) is not produced", StringComparison.Ordinal));
    }

    [Fact]
    public void ConnectionProfile_Rsa4096NotMeasured_IsRsa2048PlusTheSigningDifference()
    {
        var figures = new Dictionary<(ConnectionKind, CertificateKind), ConnectionFigure>
        {
            [(ConnectionKind.Plain, CertificateKind.EcdsaP256)] = Figure(50),
            [(ConnectionKind.Tls12FullTicket, CertificateKind.Rsa2048)] = Figure(1050 + CostProfile.Default.TicketSealMicros),
            [(ConnectionKind.Tls12ResumedTicket, CertificateKind.Rsa2048)] = Figure(350 + CostProfile.Default.TicketOpenMicros),
        };
        var host = PrimitiveTimings.Reference with { Rsa2048Sign = 400_000, Rsa4096Sign = 2_400_000 };
        var derived = new List<string>();

        var profile = ConnectionProfile.Build(figures, "test", host, derived);

        Assert.Equal(1000 + 2000, profile.HandshakeMicros(ProtocolVersion.Tls12, CertificateKind.Rsa4096, CostedHandshake.Full), 1);
        Assert.Equal(300, profile.HandshakeMicros(ProtocolVersion.Tls12, CertificateKind.Rsa4096, CostedHandshake.Resumed), 1);
        Assert.Contains(derived, line => line.StartsWith("rsa-4096 not measured", StringComparison.Ordinal));
    }

    [Fact]
    public void ConnectionFigure_MoreThanOnePercentUnexpected_IsNotProduced()
    {
        var figure = new ConnectionFigure();
        figure.Add(300, connections: 100, unexpected: 2, failed: 0);

        Assert.False(figure.Produced);
    }

    [Fact]
    public void CostProfileWriter_RoundTripsTheDefaultProfile()
    {
        using var temp = new TempFolder();
        var file = temp.Write("default.yaml", CostProfileWriter.ToYaml(CostProfile.Default, ["a comment"]));

        var profile = CostProfileLoader.Load(file);

        Assert.Equal(CostProfile.Default.HandshakeCosts.OrderBy(p => p.Key), profile.HandshakeCosts.OrderBy(p => p.Key));
        Assert.Equal(CostProfile.Default.ConnectionMicros, profile.ConnectionMicros);
        Assert.Equal(CostProfile.Default.KeyExchangeMicros.OrderBy(p => p.Key), profile.KeyExchangeMicros.OrderBy(p => p.Key));
        Assert.Equal(
            (CostProfile.Default.TicketSealMicros, CostProfile.Default.TicketOpenMicros, CostProfile.Default.StoreOperationMicros),
            (profile.TicketSealMicros, profile.TicketOpenMicros, profile.StoreOperationMicros));
    }

    private static ConnectionFigure Figure(double micros)
    {
        var figure = new ConnectionFigure();
        figure.Add(micros, connections: 100, unexpected: 0, failed: 0);
        return figure;
    }
}
