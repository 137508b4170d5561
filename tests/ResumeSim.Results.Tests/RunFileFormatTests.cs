using System.Text;

namespace ResumeSim.Results.Tests;

public sealed class RunFileFormatTests
{
    private static readonly string[] ExpectedSummaryColumns =
    [
        "strategy", "replication", "farm.servers", "clients.count",
        "connections", "offered", "full", "resumed_id", "resumed_ticket", "resumed_psk", "zero_rtt",
        "resumption_rate", "resumption_rate_offered",
        "handshake_p50_ms", "handshake_p90_ms", "handshake_p99_ms", "handshake_p999_ms",
        "page_p50_ms", "page_p90_ms", "page_p99_ms", "page_p999_ms", "pages",
        "cpu_core_seconds", "cpu_util_mean", "cpu_util_peak", "cores_needed",
        "queue_wait_mean_ms", "queue_wait_p99_ms", "store_peak_entries", "store_peak_bytes",
        "evictions", "expirations", "tickets_issued", "tickets_rejected", "tickets_renewed",
        "handshake_bytes", "exposure_max_s", "exposure_mean_s",
        "ttfb_p50_ms", "ttfb_p99_ms", "early_data_rejected", "cpu_ms_per_page", "exposure_sessions_max",
        "warmup_s", "warmup_mser_s", "store_peak_live_entries", "store_peak_live_bytes",
        "cpu_handshake_core_seconds", "cpu_handshake_share", "cores_needed_fractional", "steady_state", "start",
    ];

    [Fact]
    public void Write_ThenRead_ReturnsEqualRowsIncludingSweepColumns()
    {
        using var root = new TempFolder();
        var output = SampleRuns.Full();

        var folder = RunWriter.Write(root.Path, "quickstart", "20261127-083015-s1", output);
        var back = RunReader.Read(folder);

        Assert.Equal(output.ScenarioYaml, back.ScenarioYaml);
        Assert.Equal(output.Manifest, back.Manifest);
        Assert.Equal(output.Summary, back.Summary);
        Assert.Equal(output.Misses, back.Misses);
        Assert.Equal(output.Timeseries, back.Timeseries);
        Assert.Equal(output.Servers, back.Servers);
        Assert.Equal(output.Latency, back.Latency);
        Assert.Equal(["farm.servers", "clients.count"], back.Summary[0].Sweep.Select(c => c.Key));
        Assert.Equal("4", back.Summary[^1].Sweep[0].Value);
        // Bit-exact doubles, not just "close": NaN, -0, 1e-300, 1/3 and 17-digit values survive.
        Assert.True(double.IsNaN(back.Summary[0].QueueWaitP99Ms));
        Assert.True(double.IsNegative(back.Summary[0].ExposureMeanS));
        Assert.Equal(BitConverter.DoubleToInt64Bits(1.0 / 3.0), BitConverter.DoubleToInt64Bits(back.Summary[0].HandshakeP999Ms));
        Assert.Equal(long.MaxValue, back.Summary[0].StorePeakBytes);
    }

    [Fact]
    public void Write_WithoutSweepOrOptionalTables_RoundTrips()
    {
        using var root = new TempFolder();
        var output = new RunOutput
        {
            ScenarioYaml = "name: tiny\n",
            Manifest = SampleRuns.Manifest() with { ScenarioFile = null },
            Summary = [SampleRuns.Summary("no-resumption", 0, [])],
        };

        var back = RunReader.Read(RunWriter.Write(root.Path, "tiny", "r1", output));

        Assert.Equal(output.Summary, back.Summary);
        Assert.Empty(back.Summary[0].Sweep);
        Assert.Empty(back.Misses);
        Assert.Empty(back.Timeseries);
        Assert.Empty(back.Latency);
        Assert.Null(back.Manifest.ScenarioFile);
    }

    [Fact]
    public void Write_SweepValuesNeedingQuotes_RoundTrip()
    {
        using var root = new TempFolder();
        SweepCell[] odd = [new("clients.mix", "[chrome, \"api\"]"), new("tls.version", "")];
        var output = new RunOutput
        {
            ScenarioYaml = "",
            Manifest = SampleRuns.Manifest(),
            Summary = [SampleRuns.Summary("s", 0, odd), SampleRuns.Summary("s", 0, SampleRuns.Servers2.Select((c, i) => odd[i] with { Value = c.Value }).ToArray())],
            Misses = [new MissRow("s", 0, "reason, with comma", 1) { Sweep = odd }],
        };

        var back = RunReader.Read(RunWriter.Write(root.Path, "q", "r", output));

        Assert.Equal(output.Summary, back.Summary);
        Assert.Equal(output.Misses, back.Misses);
    }

    [Fact]
    public void Write_SameInputTwice_GivesByteIdenticalFiles()
    {
        using var root = new TempFolder();
        var a = RunWriter.Write(root.Path, "quickstart", "a", SampleRuns.Full());
        var b = RunWriter.Write(root.Path, "quickstart", "b", SampleRuns.Full());

        var files = Directory.GetFiles(a).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["latency.csv", "misses.csv", "run.json", "scenario.yaml", "servers.csv", "summary.csv", "summary_ci.csv", "timeseries.csv"], files);
        foreach (var file in files)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(a, file)), File.ReadAllBytes(Path.Combine(b, file)));
        }
    }

    [Fact]
    public void Write_Files_AreUtf8WithoutBomWithLfLineEnds()
    {
        using var root = new TempFolder();
        var folder = RunWriter.Write(root.Path, "quickstart", "r1", SampleRuns.Full());

        foreach (var file in Directory.GetFiles(folder))
        {
            var bytes = File.ReadAllBytes(file);
            Assert.False(bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }), file);
            Assert.DoesNotContain((byte)'\r', bytes);
            Assert.Equal((byte)'\n', bytes[^1]);
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
    }

    [Fact]
    public void Write_SummaryHeader_HasTheContractColumnsInOrder()
    {
        using var root = new TempFolder();
        var folder = RunWriter.Write(root.Path, "quickstart", "r1", SampleRuns.Full());

        var header = File.ReadLines(Path.Combine(folder, RunFiles.Summary)).First();

        Assert.Equal(string.Join(",", ExpectedSummaryColumns), header);
    }

    [Fact]
    public void Write_OtherHeaders_AreAsDocumented()
    {
        using var root = new TempFolder();
        var folder = RunWriter.Write(root.Path, "quickstart", "r1", SampleRuns.Full());
        string Header(string file) => File.ReadLines(Path.Combine(folder, file)).First();

        Assert.Equal("strategy,farm.servers,clients.count,metric,n,mean,stddev,ci95_low,ci95_high", Header(RunFiles.SummaryCi));
        Assert.Equal("strategy,replication,farm.servers,clients.count,reason,count", Header(RunFiles.Misses));
        Assert.Equal(
            "strategy,replication,farm.servers,clients.count,t_s,arrivals,connections,full,resumed,resumption_rate,cpu_util,queue_len_max,store_entries,store_bytes,tickets_rejected,"
            + "cpu_util_server_max,cpu_util_by_server,servers_up,cache_lookups,cache_puts,cache_failed,cache_delay_ms,stick_evictions",
            Header(RunFiles.Timeseries));
        Assert.Equal("strategy,replication,farm.servers,clients.count,metric,upper_ms,count,cumulative_fraction", Header(RunFiles.Latency));
        Assert.Equal("strategy,replication,farm.servers,clients.count,t_s,server,cpu_util,handshakes_full,handshakes_resumed,service_mean_ms", Header(RunFiles.Servers));
    }

    [Fact]
    public void Write_Numbers_UseInvariantShortestRoundTripText()
    {
        using var root = new TempFolder();
        var folder = RunWriter.Write(root.Path, "quickstart", "r1", SampleRuns.Full());

        var firstRow = File.ReadLines(Path.Combine(folder, RunFiles.Summary)).Skip(1).First();

        Assert.StartsWith("ids-per-server,0,2,1000,1001,1002,", firstRow);
        Assert.Contains(",0.3333333333333333,", firstRow);
        Assert.Contains(",123.45678901234568,", firstRow);
        Assert.Contains(",1E-300,", firstRow);
        Assert.Contains(",NaN,", firstRow);
        Assert.EndsWith(",64800,-0,30.5,31.25,1016,2.5,1200,7200,3294.5,1017,9223372036854775806,61.5,0.49815000448335,6.0625,reached,stationary", firstRow);
        // The strategy name with a comma and quotes is quoted per RFC 4180.
        Assert.Contains("\n\"tickets, \"\"shared\"\" key\",0,2,1000,", File.ReadAllText(Path.Combine(folder, RunFiles.Summary)));
    }

    [Fact]
    public void Write_RunJson_HasSnakeCaseKeysInStableOrder()
    {
        using var root = new TempFolder();
        var folder = RunWriter.Write(root.Path, "quickstart", "r1", SampleRuns.Full());

        var json = File.ReadAllText(Path.Combine(folder, RunFiles.Manifest));

        string[] keys = ["version", "scenario", "scenario_file", "scenario_sha256", "seed", "replications", "strategies",
            "sweep_points", "started_utc", "wall_seconds", "machine", "os", "arch", "cores", "dotnet", "command"];
        var positions = keys.Select(k => json.IndexOf($"\"{k}\":", StringComparison.Ordinal)).ToArray();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
        Assert.Contains("\"seed\": 18446744073709551615,", json);
        Assert.Contains("\"started_utc\": \"2026-11-27T08:30:15.25+00:00\"", json);
        Assert.StartsWith("{\n  \"version\": \"0.1.0\",\n", json);
    }

    [Fact]
    public void Write_RunJsonOfAShard_RecordsTheShardLastAndReadsItBack()
    {
        using var root = new TempFolder();
        var full = SampleRuns.Full();
        var output = new RunOutput { ScenarioYaml = full.ScenarioYaml, Manifest = full.Manifest with { Shard = new RunShard(2, 5) }, Summary = full.Summary };

        var folder = RunWriter.Write(root.Path, "quickstart", "r1-shard2of5", output);

        Assert.EndsWith(",\n  \"shard\": {\n    \"number\": 2,\n    \"count\": 5\n  }\n}\n", File.ReadAllText(Path.Combine(folder, RunFiles.Manifest)));
        Assert.Equal(output.Manifest, RunReader.ReadManifest(folder));
    }

    [Fact]
    public void Write_RunJsonOfAWholeRun_HasNoShardKey()
    {
        using var root = new TempFolder();

        var folder = RunWriter.Write(root.Path, "quickstart", "r1", SampleRuns.Full());

        Assert.DoesNotContain("\"shard\"", File.ReadAllText(Path.Combine(folder, RunFiles.Manifest)));
        Assert.Null(RunReader.ReadManifest(folder).Shard);
    }
}
