using ResumeSim.Model.Configuration;
using ResumeSim.Tls;

namespace ResumeSim.Scenarios.Tests;

public sealed class CostProfileLoaderTests : IDisposable
{
    private const string CompleteTls12Ecdsa = """
        name: my-host
        provenance: "measured with resumesim calibrate"
        handshakes:
          tls12:
            ecdsa-p256: {full: 1.5ms, resumed: 40}
        operations: {ticket_seal: 2us, store_op: 1us}
        """;

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("resumesim-costs-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void Load_ShippedDefaultProfile_EqualsCostProfileDefault()
    {
        var shipped = CostProfileLoader.Load(Path.Combine(ScenarioText.RepositoryRoot(), "scenarios", "costs", "default.yaml"));
        var expected = CostProfile.Default;

        Assert.Equal(expected.Name, shipped.Name);
        Assert.Equal(expected.Provenance, shipped.Provenance);
        Assert.Equal(expected.HandshakeCosts.OrderBy(p => p.Key), shipped.HandshakeCosts.OrderBy(p => p.Key));
        Assert.Equal(expected.ConnectionMicros, shipped.ConnectionMicros);
        Assert.Equal(expected.KeyExchangeMicros.OrderBy(p => p.Key), shipped.KeyExchangeMicros.OrderBy(p => p.Key));
        Assert.Equal(
            (expected.TicketSealMicros, expected.TicketOpenMicros, expected.StoreOperationMicros),
            (shipped.TicketSealMicros, shipped.TicketOpenMicros, shipped.StoreOperationMicros));
        Assert.Empty(shipped.Notes);
    }

    [Fact]
    public void Default_PricesEveryOperationAboveZero()
    {
        // Ticket and store operations are measured (validation/nginx-cpu/ops.c), never left at 0.
        var d = CostProfile.Default;

        Assert.All([d.ConnectionMicros, d.TicketSealMicros, d.TicketOpenMicros, d.StoreOperationMicros], micros => Assert.True(micros > 0));
        Assert.All(Enum.GetValues<KeyExchangeKind>().Where(k => k != KeyExchangeKind.X25519), k => Assert.True(d.KeyExchangeMicros[k] > 0));
    }

    [Fact]
    public void Load_ProfileWithoutConnection_ChargesTheDefaultBaseAndSaysSo()
    {
        var path = Write("old.yaml", CompleteTls12Ecdsa);

        var profile = CostProfileLoader.Load(path);

        Assert.Equal(CostProfile.Default.ConnectionMicros, profile.ConnectionMicros);
        var note = Assert.Single(profile.Notes);
        Assert.StartsWith($"{path}: no 'connection'", note, StringComparison.Ordinal);
        Assert.Contains("connection: 0us", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ConnectionAndKeyExchange_AreRead()
    {
        var profile = CostProfileLoader.Load(Write("p.yaml", CompleteTls12Ecdsa + "\nconnection: 60us\nkey_exchange: {p256: 100us, x25519mlkem768: 0.07ms}"));

        Assert.Equal(60, profile.ConnectionMicros);
        Assert.Empty(profile.Notes);
        Assert.True(profile.TryGetKeyExchangeMicros(KeyExchangeKind.P256, out var p256));
        Assert.True(profile.TryGetKeyExchangeMicros(KeyExchangeKind.X25519MlKem768, out var hybrid));
        Assert.True(profile.TryGetKeyExchangeMicros(KeyExchangeKind.X25519, out var x25519));
        Assert.Equal((100.0, 70.0, 0.0), (p256, hybrid, x25519));
    }

    [Theory]
    [InlineData("resumed: 40", "resumed: -40us", 5, 40, "'-40us' is negative")]
    [InlineData("resumed: 40", "resumed: 2s", 5, 40, "'2s' is more than a second of CPU per connection")]
    [InlineData("store_op: 1us", "store_op: 1500000", 6, 42, "'1500000' is more than a second")]
    public void Load_NegativeOrAbsurdCost_IsAnErrorAtTheValue(string from, string to, int line, int column, string fragment)
    {
        var path = Write("bad.yaml", CompleteTls12Ecdsa.Replace(from, to, StringComparison.Ordinal));
        var e = Assert.Throws<ScenarioException>(() => CostProfileLoader.Load(path));

        var error = Assert.Single(e.Errors);
        Assert.Equal((path, line, column), (error.File, error.Line, error.Column));
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        Assert.Contains("expected a CPU time from 0 to 1s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NegativeConnection_IsAnErrorAtTheValue()
    {
        var path = Write("bad.yaml", CompleteTls12Ecdsa + "\nconnection: -5us");
        var e = Assert.Throws<ScenarioException>(() => CostProfileLoader.Load(path));

        var error = Assert.Single(e.Errors);
        Assert.Equal((7, 13), (error.Line, error.Column));
        Assert.StartsWith("connection: '-5us' is negative", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownHandshakeKind_NamesTheKindsAProfilePrices()
    {
        var path = Write("bad.yaml", """
            name: h
            connection: 50us
            handshakes:
              tls13:
                ecdsa-p256: {full: 360us, psk: 228us, psk_dhe: 260us, zero_rtt: 200us}
            """);
        var e = Assert.Throws<ScenarioException>(() => CostProfileLoader.Load(path));

        var error = Assert.Single(e.Errors);
        Assert.Equal((path, 5, 59), (error.File, error.Line, error.Column));
        Assert.StartsWith("'zero_rtt' is not a key of ecdsa-p256; expected one of: full, psk, psk_dhe", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownKeyExchange_IsAnErrorAtTheKey()
    {
        var path = Write("bad.yaml", CompleteTls12Ecdsa + "\nkey_exchange: {x448: 50us}");
        var e = Assert.Throws<ScenarioException>(() => CostProfileLoader.Load(path));

        var error = Assert.Single(e.Errors);
        Assert.Equal((7, 16), (error.Line, error.Column));
        Assert.StartsWith("'x448' is not a key of key_exchange; expected one of: p256, x25519mlkem768", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scenario_KeyExchangeTheProfileDoesNotPrice_IsReportedAtCosts()
    {
        Write("host.yaml", CompleteTls12Ecdsa);
        var scenario = Write("s.yaml", ScenarioText.Minimal + "\ntls: {key_exchange: p256}\ncosts: host.yaml");

        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(scenario));
        var error = Assert.Single(e.Errors);
        Assert.Equal((scenario, 10, 8), (error.File, error.Line, error.Column));
        Assert.Contains("does not price the p256 key exchange", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PartialProfile_ReadsDurationsAndBareMicroseconds()
    {
        var profile = CostProfileLoader.Load(Write("p.yaml", CompleteTls12Ecdsa));

        Assert.Equal("my-host", profile.Name);
        Assert.Equal(1500, profile.HandshakeMicros(ProtocolVersion.Tls12, CertificateKind.EcdsaP256, CostedHandshake.Full));
        Assert.Equal(40, profile.HandshakeMicros(ProtocolVersion.Tls12, CertificateKind.EcdsaP256, CostedHandshake.Resumed));
        Assert.False(profile.TryGetHandshakeMicros(ProtocolVersion.Tls13, CertificateKind.EcdsaP256, CostedHandshake.Full, out _));
        Assert.Equal((2, 0, 1), (profile.TicketSealMicros, profile.TicketOpenMicros, profile.StoreOperationMicros));
    }

    [Fact]
    public void Load_MissingEntry_NamesTheFileAndWhatIsMissing()
    {
        var path = Write("bad.yaml", CompleteTls12Ecdsa.Replace("resumed: 40", "resume: 40", StringComparison.Ordinal));
        var e = Assert.Throws<ScenarioException>(() => CostProfileLoader.Load(path));

        Assert.Contains(e.Errors, x => x.File == path && (x.Line, x.Column) == (5, 31) && x.Message.StartsWith("'resume' is not a key of ecdsa-p256", StringComparison.Ordinal));
        Assert.Contains(e.Errors, x => x.File == path && (x.Line, x.Column) == (5, 17) && x.Message.Contains("missing required key 'resumed' in handshakes.tls12.ecdsa-p256", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_MissingFile_Throws()
    {
        var e = Assert.Throws<ScenarioException>(() => CostProfileLoader.Load(Path.Combine(_dir.FullName, "none.yaml")));
        Assert.Equal((0, 0), (e.Errors[0].Line, e.Errors[0].Column));
        Assert.Contains("not found", e.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scenario_CostsDefault_IsTheDefaultProfile()
    {
        Assert.Same(CostProfile.Default, ScenarioText.Parse(ScenarioText.Minimal + "\ncosts: default").Base.Costs);
    }

    [Theory]
    [InlineData("{fixed: 0}", 0)]
    [InlineData("{fixed: 250us}", 250)]
    [InlineData("{fixed: 1.5ms}", 1500)]
    [InlineData("{fixed: 300}", 300)]
    public void Scenario_CostsFixed_PricesEveryHandshakeTheSame(string written, double micros)
    {
        var costs = ScenarioText.Parse(ScenarioText.Minimal + $"\ncosts: {written}").Base.Costs;

        Assert.All(costs.HandshakeCosts, p => Assert.Equal(micros, p.Value));
        Assert.Equal(micros == 0, costs.IsFree);
    }

    [Fact]
    public void Scenario_CostsExponential_KeepsTheMeanAndDrawsExponentially()
    {
        var costs = ScenarioText.Parse(ScenarioText.Minimal + "\ncosts: {exponential: 1ms}").Base.Costs;

        Assert.All(costs.HandshakeCosts, p => Assert.Equal(1000, p.Value));
        Assert.Equal(ServiceTimeDistribution.Exponential, costs.ServiceTime);
        Assert.Equal(ServiceTimeDistribution.Fixed, CostProfile.Fixed(1000).ServiceTime);
    }

    [Fact]
    public void Scenario_CostsFixedAndExponentialTogether_IsReportedAtCosts()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioText.Parse(ScenarioText.Minimal + "\ncosts: {fixed: 1ms, exponential: 1ms}"));

        Assert.Contains(e.Errors, x => x.Message.Contains("either fixed or exponential", StringComparison.Ordinal));
    }

    [Fact]
    public void Scenario_CostsFile_IsResolvedRelativeToTheScenariosFolder()
    {
        Write(Path.Combine("costs", "host.yaml"), CompleteTls12Ecdsa);
        var scenario = Write("s.yaml", ScenarioText.Minimal + "\ncosts: costs/host.yaml");

        var fromFile = ScenarioLoader.Load(scenario).Base.Costs;
        var fromText = ScenarioLoader.Parse(ScenarioText.Minimal + "\ncosts: costs/host.yaml", scenario).Base.Costs;

        Assert.Equal("my-host", fromFile.Name);
        Assert.Equal("my-host", fromText.Name);
    }

    [Fact]
    public void Scenario_CostsFileNotPricingTheScenariosCombination_IsReportedAtCosts()
    {
        Write("host.yaml", CompleteTls12Ecdsa);
        var scenario = Write("s.yaml", ScenarioText.Minimal + "\ntls: {version: \"1.3\", certificate: ecdsa-p256}\ncosts: host.yaml");

        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(scenario));
        var error = Assert.Single(e.Errors);
        Assert.Equal((scenario, 10, 8), (error.File, error.Line, error.Column));
        Assert.Contains("does not price TLS 1.3 ecdsa-p256", error.Message, StringComparison.Ordinal);
        Assert.Contains("handshakes.tls13.ecdsa-p256 with full, psk, psk_dhe", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scenario_CostsFileWithErrors_ReportsThemInTheCostFile()
    {
        var costs = Write("host.yaml", CompleteTls12Ecdsa.Replace("1.5ms", "fast", StringComparison.Ordinal));
        var scenario = Write("s.yaml", ScenarioText.Minimal + "\ncosts: host.yaml");

        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(scenario));
        Assert.Contains(e.Errors, x => x.File == costs && (x.Line, x.Column) == (5, 24) && x.Message.Contains("'fast' is not a CPU time", StringComparison.Ordinal));
        Assert.Contains(e.Errors, x => x.File == scenario && (x.Line, x.Column) == (9, 8));
    }

    [Fact]
    public void Scenario_CostsFileMissing_IsReportedAtCosts()
    {
        var scenario = Write("s.yaml", ScenarioText.Minimal + "\ncosts: nowhere.yaml");
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(scenario));
        var error = Assert.Single(e.Errors);
        Assert.Equal((9, 8), (error.Line, error.Column));
        Assert.Contains("'nowhere.yaml' not found", error.Message, StringComparison.Ordinal);
    }

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_dir.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
