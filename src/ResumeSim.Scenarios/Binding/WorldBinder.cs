using ResumeSim.Model.Balancing;
using ResumeSim.Model.Configuration;
using ResumeSim.Scenarios.Parsing;
using ResumeSim.Scenarios.Yaml;

namespace ResumeSim.Scenarios.Binding;

/// <summary>The small mappings that describe the world: pages, tls, network, farm and output.</summary>
internal static class WorldBinder
{
    // Browsers open at most 6 HTTP/1.1 connections per host (Chrome, Firefox, Safari defaults).
    private const int MaxConnectionsPerHost = 6;

    // The TLS Certificate message's certificate_list is <0..2^24-1> bytes (RFC 8446 4.4.2, RFC 5246 7.4.2).
    private const long MaxChainBytes = (1L << 24) - 1;

    public static PagesConfig Pages(YNode node, Issues issues)
    {
        var defaults = new PagesConfig();
        var section = Section.Open(node, "pages", ["hosts", "connections", "http", "connection_wait"], issues);
        if (section is null)
        {
            return defaults;
        }

        var http = section.Choice("http", defaults.Http, Choices.Http);

        // HTTP/2 always uses one connection per host, so the browser cap only binds HTTP/1.1.
        var maxConnections = http == HttpVersion.H1 ? MaxConnectionsPerHost : 1000;
        return new PagesConfig
        {
            Hosts = (int)section.Int("hosts", defaults.Hosts, 1, 100),
            Connections = (int)section.Int("connections", defaults.Connections, 1, maxConnections),
            Http = http,
            Wait = section.Choice("connection_wait", defaults.Wait, Choices.Wait),
        };
    }

    public static ProtocolConfig Protocol(YNode node, Issues issues)
    {
        var defaults = new ProtocolConfig();
        var section = Section.Open(node, "tls", ["version", "certificate", "chain_bytes", "key_exchange"], issues);
        if (section is null)
        {
            return defaults;
        }

        var version = section.Choice("version", defaults.Version, Choices.Version);
        var keyExchange = section.Choice("key_exchange", defaults.KeyExchange, Choices.KeyExchange);
        if (keyExchange == KeyExchangeKind.X25519MlKem768 && version != ProtocolVersion.Tls13 && section.Get("key_exchange") is { } kex)
        {
            // draft-ietf-tls-ecdhe-mlkem defines the hybrid group for TLS 1.3 only; a TLS 1.2 handshake cannot use it.
            issues.Add(kex, "tls.key_exchange: x25519mlkem768 is a TLS 1.3 group (draft-ietf-tls-ecdhe-mlkem); expected tls.version \"1.3\", or key_exchange x25519 or p256 with TLS 1.2");
        }

        return new ProtocolConfig
        {
            Version = version,
            Certificate = section.Choice("certificate", defaults.Certificate, Choices.Certificate),
            CertificateChainBytes = (int)section.Bytes("chain_bytes", 0, 1, MaxChainBytes),
            KeyExchange = keyExchange,
        };
    }

    public static NetworkConfig Network(YNode node, Issues issues)
    {
        var defaults = new NetworkConfig();
        var section = Section.Open(node, "network", ["initcwnd", "mss"], issues);
        if (section is null)
        {
            return defaults;
        }

        return new NetworkConfig
        {
            InitialCwndSegments = (int)section.Int("initcwnd", defaults.InitialCwndSegments, 1, 1000),

            // 536 B is the IPv4 default MSS (RFC 1122 4.2.2.6); 65495 B is loopback's 64 KiB MTU less headers.
            MssBytes = (int)section.Int("mss", defaults.MssBytes, 536, 65495),
        };
    }

    public static FarmConfig Farm(YNode node, Issues issues)
    {
        var defaults = new FarmConfig();
        var section = Section.Open(node, "farm", ["servers", "cores", "workers", "reuseport", "balancer", "stick_table"], issues);
        if (section is null)
        {
            return defaults;
        }

        var farm = new FarmConfig
        {
            Servers = (int)section.Int("servers", defaults.Servers, 1, 100_000),
            Cores = (int)section.Int("cores", defaults.Cores, 1, 1024),
            Workers = (int)section.Int("workers", defaults.Workers, 1, 1024),
            Reuseport = section.Bool("reuseport", defaults.Reuseport),
            Balancer = section.Choice("balancer", defaults.Balancer, Choices.Balancer),
        };
        if (section.Get("stick_table") is not { } tableNode)
        {
            return farm;
        }

        if (farm.Balancer != BalancerKind.SessionSticky)
        {
            issues.Add(tableNode, "farm.stick_table configures the session-sticky balancer; expected balancer: session-sticky with it");
        }

        var table = Section.Open(tableNode, "farm.stick_table", ["size", "expire"], issues);
        return table is null ? farm : farm with
        {
            // HAProxy sizes stick tables in entries (size 30k); 10^8 entries is far past any real table.
            StickTableSize = (int)table.Int("size", farm.StickTableSize, 1, 100_000_000),
            StickTableExpiry = table.Duration("expire", farm.StickTableExpiry, TimeSpan.FromMilliseconds(1), TimeSpan.FromDays(365)),
        };
    }

    public static OutputConfig Output(YNode node, TimeSpan duration, Issues issues)
    {
        var defaults = new OutputConfig();
        var section = Section.Open(node, "output", ["bucket", "charts", "target_utilization", "target_queue_wait_p99"], issues);
        if (section is null)
        {
            return defaults;
        }

        var bucket = section.Get("bucket") is { } bucketNode
            && Scalars.TryDuration(bucketNode, "output.bucket", TimeSpan.FromMilliseconds(1), duration, issues, out var b) ? b : defaults.Bucket;
        var target = section.Get("target_utilization") is { } targetNode
            && Scalars.TryNumber(targetNode, "output.target_utilization", 0, 1, minExclusive: true, issues, out var t) ? t : defaults.TargetUtilization;
        TimeSpan? waitTarget = section.Get("target_queue_wait_p99") is { } waitNode
            && Scalars.TryDuration(waitNode, "output.target_queue_wait_p99", TimeSpan.FromTicks(10), TimeSpan.FromHours(1), issues, out var w) ? w : null;
        return new OutputConfig
        {
            TargetQueueWaitP99 = waitTarget,
            Bucket = bucket,
            Charts = section.Get("charts") is { } chartsNode ? Charts(chartsNode, issues) : defaults.Charts,
            TargetUtilization = target,
        };
    }

    private static List<string> Charts(YNode node, Issues issues)
    {
        var form = "a list of chart names from: " + string.Join(", ", Choices.Charts);
        var charts = new List<string>();
        if (node is not YSequence sequence)
        {
            issues.Add(node, $"output.charts is {node.Describe()}; expected {form}");
            return charts;
        }

        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var item = sequence.Items[i];
            if (!Scalars.TryText(item, $"output.charts[{i}]", form, issues, out var chart))
            {
                continue;
            }

            if (!Choices.Charts.Contains(chart))
            {
                issues.Add(item, $"output.charts[{i}]: {Excerpt.Quote(chart)} is not a chart; expected one of: {string.Join(", ", Choices.Charts)}");
            }
            else if (charts.Contains(chart))
            {
                issues.Add(item, $"output.charts[{i}]: {Excerpt.Quote(chart)} is listed twice; expected each chart once");
            }
            else
            {
                charts.Add(chart);
            }
        }

        return charts;
    }
}
