using System.Globalization;
using ResumeSim.Bench.Peers;
using ResumeSim.Model.Configuration;
using ResumeSim.Scenarios;

namespace ResumeSim.Cli.Tests;

public sealed class PeerBenchmarkTests
{
    private static string PeersYaml => Path.Combine(RepositoryPaths.Root, "benchmarks", "peers", "peers.yaml");

    private static ScenarioConfig Load(string path) => ScenarioLoader.Load(path, new ScenarioOverrides(null, null)).Base;

    [Fact]
    public void From_ShippedPeerScenario_ReadsBothStrategies_AndScalesTheStoreWithTheClients()
    {
        var scenario = PeerScenario.From(Load(PeersYaml));
        var small = scenario.AtConnections(10_000);

        Assert.Equal(["ids", "tickets"], scenario.Strategies.Select(s => s.Kind));
        Assert.Equal(1_000, small.Clients);
        Assert.Equal(10_000, small.ExpectedConnections, 6);
        Assert.Equal(scenario.Strategies[0].Capacity * 1_000 / scenario.Clients, small.Strategies[0].Capacity);
        Assert.Contains("--capacity=" + small.Strategies[0].Capacity.ToString(CultureInfo.InvariantCulture), small.Arguments(small.Strategies[0]));
        Assert.Contains("--clients=1000", small.Arguments(small.Strategies[1]));
    }

    [Fact]
    public void From_ScenarioWithLognormalRtt_IsRefused_NamingTheSetting()
    {
        var config = Load(PeersYaml);
        var lognormal = config with { Clients = config.Clients with { Rtt = RttConfig.LogNormal(TimeSpan.FromMilliseconds(40), 0.5) } };

        var error = Assert.Throws<ArgumentException>(() => PeerScenario.From(lognormal));

        Assert.Contains("clients.rtt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ScenarioFor_KeepsTheOneStrategy_WithTheRunsClientsAndCapacity_AndStillLoads()
    {
        using var temp = new TempFolder();
        var small = PeerScenario.From(Load(PeersYaml)).AtConnections(10_000);
        var ids = small.Strategies[0];

        var file = temp.Write("peer.yaml", ResumeSimPeer.ScenarioFor(File.ReadAllText(PeersYaml), Path.GetDirectoryName(PeersYaml)!, small.Clients, ids));
        var loaded = Load(file);

        Assert.Equal(small.Clients, loaded.Clients.Count);
        Assert.Equal([ids.Name], loaded.Strategies.Select(s => s.Name));
        Assert.Equal(ids.Capacity, loaded.Strategies[0].SessionIds!.CapacityEntries);
        Assert.Equal(small.BaseMicros, loaded.Costs.ConnectionMicros);
    }

    [Fact]
    public void Differences_SameCounts_AgreeAndAResumptionRateFarApart_DoesNot()
    {
        var scenario = PeerScenario.From(Load(PeersYaml)).AtConnections(100_000);
        var a = new PeerCounts(100_000, 20_000, 57.0);
        var near = new PeerCounts(100_100, 20_100, 57.05);
        var far = new PeerCounts(100_000, 22_000, 56.4);

        Assert.Empty(PeerAgreement.Differences(scenario, "a", a, "near", near));
        Assert.Contains(PeerAgreement.Differences(scenario, "a", a, "far", far), d => d.StartsWith("resumption rate", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_LineWithoutResumed_IsAFormatError()
    {
        Assert.Throws<FormatException>(() => PeerResultLine.Parse("peer-result/1 simulator=x strategy=ids connections=10 cpu_core_s=1", "ids"));
        Assert.Equal(new PeerCounts(10, 4, 1.5), PeerResultLine.Parse("progress\npeer-result/1 simulator=x strategy=ids connections=10 resumed=4 cpu_core_s=1.5\n", "ids"));
    }

    [Fact]
    public void Run_PeersThatDisagree_FailLoudly_AndAMissingPeerIsSkippedWithItsInstallHint()
    {
        using var temp = new TempFolder();
        var scenario = PeerScenario.From(Load(PeersYaml));
        IPeerSimulator[] simulators = [new EchoPeer("resumesim", 0.20), new EchoPeer("lower", 0.15), new MissingPeer()];
        var log = new StringWriter();

        var error = Assert.Throws<PeerDisagreementException>(() =>
            PeerBenchmark.Run(scenario, simulators, new PeerBenchmarkOptions { Sizes = [10_000], BuildFolder = temp.Path }, log));

        Assert.Contains("resumption rate resumesim 20.000 % vs lower 15.000 %", error.Message, StringComparison.Ordinal);
        Assert.Contains("missing: skipped: apt-get install missing-peer", log.ToString(), StringComparison.Ordinal);
        Assert.Contains("| 10,000 | ids-per-server | lower |", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_PeersThatAgree_PrintTheirSpeedRatios()
    {
        using var temp = new TempFolder();
        var scenario = PeerScenario.From(Load(PeersYaml));
        var log = new StringWriter();

        var measured = PeerBenchmark.Run(scenario, [new EchoPeer("resumesim", 0.2), new EchoPeer("other", 0.2)], new PeerBenchmarkOptions { Sizes = [10_000], BuildFolder = temp.Path }, log);

        Assert.Equal(4, measured.Count);
        Assert.All(measured, m => Assert.True(m.Usage.CpuSeconds >= 0 && m.Usage.PeakRssBytes > 0));
        Assert.Contains("speed vs other", log.ToString(), StringComparison.Ordinal);
        Assert.Contains("agreement: every pair", log.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A peer that is a shell printing a result line with the given resumption rate, and the CPU it implies.</summary>
    private sealed class EchoPeer(string name, double rate) : IPeerSimulator
    {
        public string Name => name;

        public string Description => "echo";

        public string? Prepare(string buildFolder, TextWriter log) => null;

        public PeerCommand Command(PeerScenario scenario, PeerStrategy strategy, string workFolder)
        {
            var connections = 10_000;
            var resumed = (long)(connections * rate);
            var cpu = ((connections * (scenario.BaseMicros + scenario.FullMicros)) - (resumed * (scenario.FullMicros - scenario.ResumedMicros))) / 1e6;
            return new PeerCommand("sh", ["-c", string.Create(CultureInfo.InvariantCulture, $"echo peer-result/1 simulator={name} strategy={strategy.Kind} connections={connections} resumed={resumed} cpu_core_s={cpu:R}")]);
        }

        public PeerCounts Read(PeerStrategy strategy, string standardOutput, string workFolder) => PeerResultLine.Parse(standardOutput, strategy.Kind);
    }

    private sealed class MissingPeer : IPeerSimulator
    {
        public string Name => "missing";

        public string Description => "never ready";

        public string? Prepare(string buildFolder, TextWriter log) => "apt-get install missing-peer";

        public PeerCommand Command(PeerScenario scenario, PeerStrategy strategy, string workFolder) => throw new InvalidOperationException("not prepared");

        public PeerCounts Read(PeerStrategy strategy, string standardOutput, string workFolder) => throw new InvalidOperationException("not prepared");
    }
}
