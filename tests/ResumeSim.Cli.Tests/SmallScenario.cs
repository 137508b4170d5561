namespace ResumeSim.Cli.Tests;

internal static class SmallScenario
{
    public const string Yaml = """
        name: cli-small
        description: a small scenario for CLI tests
        seed: 3
        duration: 4m
        warmup: 1m
        replications: 2
        clients:
          count: 800
          popularity: {zipf: 0.8}
          visits: {rate: 20/h}
          rtt: {lognormal: {median: 40ms, sigma: 0.5}}
          mix:
            - {browser: chrome, share: 0.9}
            - {browser: api-client, share: 0.1}
        pages:
          hosts: 1
          connections: 3
          connection_wait: wait-for-first
        farm:
          servers: 2
          cores: 1
          balancer: random
        strategies:
          - name: ids
            session_ids: {preset: nginx, capacity: 100KB}
          - name: tickets
            tickets: {keys: shared, rotate: 1m, keep: 2m, lifetime: 2m}
          - name: off
            resumption: off
        output:
          bucket: 30s
        """;
}
