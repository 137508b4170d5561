namespace ResumeSim.Scenarios.Tests;

/// <summary>The scenario contract of DESIGN.md section 6, copied verbatim, must load as written.</summary>
public sealed class DesignContractTests
{
    private const string DesignExample = """
        name: quickstart                  # results go to results/<name>/<run-id>/
        description: Session IDs vs tickets on a 4-server farm
        seed: 1
        duration: 30m                     # measured simulated time, after warm-up
        warmup: 5m
        replications: 3
        clients:
          count: 100000
          popularity: uniform             # or {zipf: 0.8}: share of visits per client
          visits: {rate: 4/h}             # Poisson per client on average; other processes allowed
          rtt: {lognormal: {median: 40ms, sigma: 0.6}}   # or {fixed: 40ms}
          mix:
            - {browser: chrome, share: 0.8}
            - {browser: api-client, share: 0.2}
        pages:                            # what one visit opens
          hosts: 1
          connections: 6                  # per host; 1 = one connection per visit
          http: h1                        # h1 | h2 (h2: one connection per host)
          connection_wait: wait-for-first # wait-for-first | parallel
        tls:
          version: "1.2"                  # "1.2" | "1.3"
          certificate: ecdsa-p256         # ecdsa-p256 | rsa-2048 | rsa-4096
        farm:
          servers: 4
          cores: 8                        # per server
          balancer: round-robin           # round-robin | random | least-connections | source-hash | consistent-hash | session-sticky
        costs: default                    # or a cost-profile file; {fixed: 0} disables CPU cost
        strategies:
          - name: ids-per-server
            session_ids: {store: per-server, eviction: fifo, capacity: 10MB, entry_bytes: 384, timeout: 5m}
          - name: ids-shared
            session_ids: {store: shared, eviction: lru, capacity: 100000, timeout: 5m, lookup: 0.5ms}  # a bare number = entries
          - name: tickets-shared-key
            tickets: {keys: shared, rotate: 1h, keep: 18h, lifetime: 18h, cipher: aes128-cbc-hmac-sha256}
          - name: no-resumption
            resumption: off
        faults:
          - {at: 20m, restart: server-1}
        output:
          bucket: 10s
          charts: [resumption, latency-cdf, cpu, capacity]
        sweep:                            # optional grid; any scalar key by its dotted path
          farm.servers: [2, 4, 8]
        """;

    [Fact]
    public void Parse_DesignSection6Example_LoadsWithItsSweep()
    {
        var plan = ScenarioText.Parse(DesignExample);

        Assert.Equal("quickstart", plan.Base.Name);
        Assert.Equal(["farm.servers"], plan.SweepKeys);
        Assert.Equal([2, 4, 8], plan.Points.Select(p => p.Config.Farm.Servers));
        Assert.Equal(4, plan.Base.Strategies.Count);
        Assert.Equal(TimeSpan.FromMinutes(20), plan.Base.Faults.Single().At);
        Assert.Equal(100000, plan.Base.Strategies[1].SessionIds!.CapacityEntries);
        Assert.Equal(10L << 20, plan.Base.Strategies[0].SessionIds!.CapacityBytes);
    }
}
