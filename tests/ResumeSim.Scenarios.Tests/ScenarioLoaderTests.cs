using ResumeSim.Model.Configuration;
using ResumeSim.Tls;

namespace ResumeSim.Scenarios.Tests;

public sealed class ScenarioLoaderTests
{
    private const string Full = """
        name: full.test_1
        description: every key written
        seed: 18446744073709551615
        duration: 30m
        warmup: 5m
        replications: 7
        clients:
          count: 100000
          popularity: {zipf: 0.8}
          visits: {rate: 6/h, process: poisson}
          rtt: {lognormal: {median: 40ms, sigma: 0.6}}
          mix:
            - {browser: chrome, share: 0.7}
            - {client: api-client, share: 0.2}
            - {browser: firefox, share: 0.1}
        pages:
          hosts: 2
          connections: 6
          http: h1
          connection_wait: wait-for-first
        tls:
          version: 1.3
          certificate: rsa-2048
          chain_bytes: 3KB
        network: {initcwnd: 4, mss: 1220}
        farm:
          servers: 4
          cores: 8
          balancer: session-sticky
        costs: {fixed: 250us}
        strategies:
          - name: ids
            session_ids: {store: shared, eviction: lru, capacity: 100000, entry_bytes: 2KB, timeout: 1h, lookup: 0.5ms}
          - name: tickets
            tickets: {keys: per-server, rotate: 12h, keep: 1d, lifetime: 7d, cipher: aes256-gcm, renew: false,
                      tickets_after_full: 4, tickets_after_resumption: 0, psk: ke, early_data: true}
          - name: both
            session_ids: {capacity: 1MB}
            tickets: {}
          - name: none
            resumption: off
        faults:
          - {at: 20m, restart: server-4}
          - {at: 0, flush: server-1}
          - {at: 25m, flush: shared}
        output:
          bucket: 250ms
          charts: [resumption, latency-cdf, page-cdf, cpu, capacity, memory, comparison]
        """;

    [Fact]
    public void Parse_EveryKeyWritten_LandsInTheRecordsWithUnitsConverted()
    {
        var c = ScenarioText.Parse(Full).Base;

        Assert.Equal("full.test_1", c.Name);
        Assert.Equal("every key written", c.Description);
        Assert.Equal(ulong.MaxValue, c.Seed);
        Assert.Equal(TimeSpan.FromMinutes(30), c.Duration);
        Assert.Equal(TimeSpan.FromMinutes(5), c.Warmup);
        Assert.Equal(7, c.Replications);
        Assert.Equal(100000, c.Clients.Count);
        Assert.Equal(PopularityConfig.Zipf(0.8), c.Clients.Popularity);
        Assert.Equal(6.0 / 3600, c.Clients.VisitsPerSecond, 12);
        Assert.Equal(RttConfig.LogNormal(TimeSpan.FromMilliseconds(40), 0.6), c.Clients.Rtt);
        Assert.Equal(
            [new ClientMixEntry("chrome", 0.7), new ClientMixEntry("api-client", 0.2), new ClientMixEntry("firefox", 0.1)],
            c.Clients.Mix);
        Assert.Equal(new PagesConfig { Hosts = 2, Connections = 6, Http = HttpVersion.H1, Wait = ConnectionWait.WaitForFirst }, c.Pages);
        Assert.Equal(new ProtocolConfig { Version = ProtocolVersion.Tls13, Certificate = CertificateKind.Rsa2048, CertificateChainBytes = 3072 }, c.Protocol);
        Assert.Equal(new NetworkConfig { InitialCwndSegments = 4, MssBytes = 1220 }, c.Network);
        Assert.Equal(new FarmConfig { Servers = 4, Cores = 8, Balancer = BalancerKind.SessionSticky }, c.Farm);
        Assert.Equal(250, c.Costs.HandshakeMicros(ProtocolVersion.Tls13, CertificateKind.Rsa2048, CostedHandshake.Full));
        Assert.Equal(TimeSpan.FromMilliseconds(250), c.Output.Bucket);
        Assert.Equal(7, c.Output.Charts.Count);
        Assert.Equal(
            [new FaultConfig(TimeSpan.FromMinutes(20), FaultKind.Restart, 3), new FaultConfig(TimeSpan.Zero, FaultKind.FlushStore, 0),
             new FaultConfig(TimeSpan.FromMinutes(25), FaultKind.FlushStore, -1)],
            c.Faults);
    }

    [Fact]
    public void Parse_Strategies_BuildSessionIdAndTicketConfigs()
    {
        var s = ScenarioText.Parse(Full).Base.Strategies;

        Assert.Equal(["ids", "tickets", "both", "none"], s.Select(x => x.Name));
        Assert.Equal(
            new SessionIdConfig
            {
                Store = StoreScope.Shared, Eviction = StoreEviction.Lru, CapacityEntries = 100000, CapacityBytes = 0,
                EntryBytes = 2048, Timeout = TimeSpan.FromHours(1), Lookup = TimeSpan.FromMicroseconds(500),
            },
            s[0].SessionIds);
        Assert.Null(s[0].Tickets);
        Assert.Equal(
            new TicketConfig
            {
                Keys = KeyScope.PerServer, Rotate = TimeSpan.FromHours(12), Keep = TimeSpan.FromDays(1), Lifetime = TimeSpan.FromDays(7),
                Cipher = TicketCipherKind.Aes256Gcm, Renew = false, TicketsAfterFull = 4, TicketsAfterResumption = 0,
                PskDhe = false, EarlyData = true,
            },
            s[1].Tickets);
        Assert.Equal(new SessionIdConfig { CapacityBytes = 1 << 20 }, s[2].SessionIds);
        Assert.Equal(new TicketConfig(), s[2].Tickets);
        Assert.True(s[3].ResumptionOff);
    }

    [Theory]
    [InlineData("off")]
    [InlineData("none")]
    [InlineData("\"off\"")]
    public void Parse_ResumptionOffOrNone_TurnsResumptionOff(string written)
    {
        var text = ScenarioText.Minimal.Replace("resumption: off", "resumption: " + written, StringComparison.Ordinal);

        Assert.True(ScenarioText.Parse(text).Base.Strategies[0].ResumptionOff);
    }

    [Fact]
    public void Parse_ResumptionFalse_IsAnErrorNamingBothSpellings()
    {
        var text = ScenarioText.Minimal.Replace("resumption: off", "resumption: false", StringComparison.Ordinal);

        ScenarioText.AssertError(text, 8, 17, "'false' is not valid; expected none or off");
    }

    [Fact]
    public void Parse_Minimal_TakesTheDocumentedDefaults()
    {
        var c = ScenarioText.Parse(ScenarioText.Minimal).Base;

        Assert.Equal(1UL, c.Seed);
        Assert.Equal(new AutoWarmupConfig(TimeSpan.FromHours(2)), c.AutoWarmup);
        Assert.Equal(TimeSpan.FromHours(2), c.Warmup);
        Assert.Equal(1, c.Replications);
        Assert.Equal(PopularityConfig.Uniform, c.Clients.Popularity);
        Assert.Equal(RttConfig.Fixed(TimeSpan.FromMilliseconds(40)), c.Clients.Rtt);
        Assert.Equal([new ClientMixEntry("chrome", 1.0)], c.Clients.Mix);
        Assert.Equal(new PagesConfig(), c.Pages);
        Assert.Equal(new ProtocolConfig(), c.Protocol);
        Assert.Equal(new FarmConfig(), c.Farm);
        Assert.Same(CostProfile.Default, c.Costs);
        Assert.Empty(c.Faults);
        Assert.Equal(TimeSpan.FromSeconds(1), c.Output.Bucket);
    }

    [Theory]
    [InlineData("\"1.2\"", ProtocolVersion.Tls12)]
    [InlineData("1.2", ProtocolVersion.Tls12)]
    [InlineData("'1.3'", ProtocolVersion.Tls13)]
    [InlineData("1.3", ProtocolVersion.Tls13)]
    public void Parse_TlsVersion_AcceptsStringsAndNumbers(string written, ProtocolVersion expected)
    {
        var c = ScenarioText.Parse(ScenarioText.Minimal + $"\ntls: {{version: {written}}}").Base;
        Assert.Equal(expected, c.Protocol.Version);
    }

    [Fact]
    public void Parse_CapacityTargets_LandInTheOutputConfig()
    {
        var plan = ScenarioText.Parse(ScenarioText.Minimal + "\noutput: {target_utilization: 0.6, target_queue_wait_p99: 5ms}");

        Assert.Equal(0.6, plan.Base.Output.TargetUtilization);
        Assert.Equal(TimeSpan.FromMilliseconds(5), plan.Base.Output.TargetQueueWaitP99);
        Assert.Null(ScenarioText.Parse(ScenarioText.Minimal).Base.Output.TargetQueueWaitP99);
    }

    [Theory]
    [InlineData("target_utilization: 0")]
    [InlineData("target_utilization: 1.5")]
    [InlineData("target_queue_wait_p99: -1ms")]
    public void Parse_BadCapacityTargets_AreErrors(string line) =>
        Assert.Throws<ScenarioException>(() => ScenarioText.Parse(ScenarioText.Minimal + "\noutput: {" + line + "}"));

    [Fact]
    public void Parse_RttFixed_IsAFixedRtt()
    {
        var c = ScenarioText.Parse(ScenarioText.Minimal.Replace("visits: {rate: 4/h}", "visits: {rate: 4/h}\n  rtt: {fixed: 25ms}", StringComparison.Ordinal)).Base;
        Assert.Equal(RttConfig.Fixed(TimeSpan.FromMilliseconds(25)), c.Clients.Rtt);
    }

    [Fact]
    public void Parse_Http2_AllowsMoreThanSixConnectionsButOpensOne()
    {
        var c = ScenarioText.Parse(ScenarioText.Minimal + "\npages: {http: h2, connections: 8}").Base;
        Assert.Equal(1, c.Pages.ConnectionsPerHost);
    }

    [Fact]
    public void Parse_NginxPreset_IsAppliedThenOverridden()
    {
        var text = ScenarioText.Minimal + """

              - name: nginx
                session_ids: {preset: nginx}
              - name: nginx-small
                session_ids: {preset: nginx, capacity: 1MB, timeout: 10m}
              - name: haproxy-bytes
                session_ids: {preset: haproxy, capacity: 4MB}
            """;
        var s = ScenarioText.Parse(text).Base.Strategies;

        Assert.Equal(new SessionIdConfig { CapacityBytes = 10L << 20, EntryBytes = 384, Timeout = TimeSpan.FromMinutes(5), Preset = "nginx" }, s[1].SessionIds);
        Assert.Equal(new SessionIdConfig { CapacityBytes = 1L << 20, EntryBytes = 384, Timeout = TimeSpan.FromMinutes(10), Preset = "nginx" }, s[2].SessionIds);

        // A byte capacity replaces the preset's entry count (and the other way round).
        Assert.Equal(4L << 20, s[3].SessionIds!.CapacityBytes);
        Assert.Equal(0, s[3].SessionIds!.CapacityEntries);
        Assert.Equal(200, s[3].SessionIds!.EntryBytes);
        Assert.Equal(TimeSpan.FromHours(2), s[3].SessionIds!.Timeout);
    }

    [Fact]
    public void Parse_OpensslPreset_KeepsItsEntryCount()
    {
        var text = ScenarioText.Minimal + "\n  - name: o\n    session_ids: {preset: openssl, store: shared, eviction: lru}";
        var ids = ScenarioText.Parse(text).Base.Strategies[1].SessionIds!;

        Assert.Equal(20480, ids.CapacityEntries);
        Assert.Equal(StoreScope.Shared, ids.Store);
        Assert.Equal(StoreEviction.Lru, ids.Eviction);
        Assert.Equal("openssl", ids.Preset);
    }

    [Fact]
    public void Parse_Overrides_ReplaceSeedAndReplications()
    {
        var plan = ScenarioText.Parse(ScenarioText.Minimal + "\nseed: 5\nreplications: 2", new ScenarioOverrides(Seed: 42, Replications: 9));

        Assert.Equal(42UL, plan.Base.Seed);
        Assert.Equal(9, plan.Base.Replications);
        Assert.Equal(42UL, plan.Points.Single().Config.Seed);
    }

    [Fact]
    public void Parse_EmptyOverrides_KeepTheFilesValues()
    {
        var plan = ScenarioText.Parse(ScenarioText.Minimal + "\nseed: 5\nreplications: 2", new ScenarioOverrides());
        Assert.Equal(5UL, plan.Base.Seed);
        Assert.Equal(2, plan.Base.Replications);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public void Parse_ReplicationsOverrideOutOfRange_IsAnError(int replications)
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioText.Parse(ScenarioText.Minimal, new ScenarioOverrides(Replications: replications)));
        var error = Assert.Single(e.Errors);
        Assert.Equal((0, 0), (error.Line, error.Column));
        Assert.Contains("1 to 1000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WithoutSweep_HasOnePointWithNoValues()
    {
        var plan = ScenarioText.Parse(ScenarioText.Minimal);

        Assert.Empty(plan.SweepKeys);
        var point = Assert.Single(plan.Points);
        Assert.Equal(0, point.Index);
        Assert.Empty(point.Values);
        Assert.Equal(plan.Base, point.Config);
    }

    [Fact]
    public void Parse_Sha256_IsLowercaseHexOfTheUtf8Text()
    {
        var plan = ScenarioText.Parse(ScenarioText.Minimal);
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ScenarioText.Minimal)));

        Assert.Equal(expected, plan.Sha256);
        Assert.Equal(ScenarioText.Minimal, plan.Text);
        Assert.Equal(ScenarioText.File, plan.SourcePath);
    }

    [Fact]
    public void Load_File_HashesTheFileBytes()
    {
        var dir = Directory.CreateTempSubdirectory("resumesim-scenarios-");
        try
        {
            var path = Path.Combine(dir.FullName, "s.yaml");
            File.WriteAllText(path, ScenarioText.Minimal);
            var plan = ScenarioLoader.Load(path);

            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))), plan.Sha256);
            Assert.Equal("t", plan.Base.Name);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Load_MissingFile_ThrowsWithTheFileNameAndNoPosition()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load("no/such/scenario.yaml"));
        var error = Assert.Single(e.Errors);
        Assert.Equal("no/such/scenario.yaml:0:0: scenario file not found; expected a path to a scenario YAML file", error.ToString());
    }

    [Fact]
    public void Parse_Anchors_AreExpandedAsCopies()
    {
        var text = ScenarioText.Minimal + """

              - name: a
                tickets: &t {rotate: 2h}
              - name: b
                tickets: *t
            """;
        var s = ScenarioText.Parse(text).Base.Strategies;
        Assert.Equal(TimeSpan.FromHours(2), s[2].Tickets!.Rotate);
    }
}
