namespace ResumeSim.Scenarios.Tests;

/// <summary>Every class of error, each at its exact line:column, with the expected form in the message.</summary>
public sealed class ScenarioErrorTests
{
    [Fact]
    public void UnknownKey_InAFlowMapping_NamesTheKeyAndTheValidOnes()
    {
        var text = ScenarioText.Minimal + "\n  - name: x\n    session_ids: {capcity: 10, capacity: 5}";
        var error = ScenarioText.AssertError(text, 10, 19, "'capcity' is not a key of session_ids");

        Assert.Equal(
            "scenarios/test.yaml:10:19: 'capcity' is not a key of session_ids (did you mean 'capacity'?); expected one of: preset, store, eviction, capacity, entry_bytes, timeout, lookup, nodes, put, node_ops, node_timeout",
            error.ToString());
    }

    [Fact]
    public void UnknownKey_AtTopLevel_IsReported()
    {
        ScenarioText.AssertError(ScenarioText.Minimal + "\nreplication: 3", 9, 1, "'replication' is not a top-level key", "replications");
    }

    [Theory]
    [InlineData("replication: 3", 9, 1, "'replication' is not a top-level key (did you mean 'replications'?); expected one of: ")]
    [InlineData("farm: {severs: 2}", 9, 8, "'severs' is not a key of farm (did you mean 'servers'?); expected one of: ")]
    [InlineData("farm: {balacner: random}", 9, 8, "'balacner' is not a key of farm (did you mean 'balancer'?); expected one of: ")]
    [InlineData("farm: {Cores: 2}", 9, 8, "'Cores' is not a key of farm (did you mean 'cores'?); expected one of: ")]
    [InlineData("output: {bukcet: 1m}", 9, 10, "'bukcet' is not a key of output (did you mean 'bucket'?); expected one of: ")]
    public void UnknownKey_CloseToAValidOne_SuggestsIt(string line, int row, int column, string prefix)
    {
        var error = ScenarioText.AssertError(ScenarioText.Minimal + "\n" + line, row, column, prefix);
        Assert.StartsWith(prefix, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownKey_InANestedMapping_SuggestsItsOwnKey()
    {
        var text = ScenarioText.Minimal + "\n  - name: x\n    session_ids: {capacity: 10MB, timout: 5m}";
        var error = ScenarioText.AssertError(text, 10, 35, "'timout' is not a key of session_ids");
        Assert.StartsWith("'timout' is not a key of session_ids (did you mean 'timeout'?); expected one of: preset, store,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ScaleDown_IsNotAKey_SeeTheScenarioDocs()
    {
        // docs/scenarios.md, "Scaling down": scaling clients without the farm is not honest, so it is not offered.
        var text = ScenarioText.Minimal.Replace("  count: 100\n", "  count: 100\n  scale_down: 4\n", StringComparison.Ordinal);
        var error = ScenarioText.AssertError(text, 5, 3, "'scale_down' is not a key of clients");
        Assert.StartsWith("'scale_down' is not a key of clients; expected one of: count, ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zz: 1", "'zz' is not a top-level key; expected one of: ")]
    [InlineData("farm: {machines: 2}", "'machines' is not a key of farm; expected one of: ")]
    [InlineData("farm: {timeout: 5m}", "'timeout' is not a key of farm; expected one of: ")] // a key of session_ids, not of farm
    public void UnknownKey_FarFromEveryValidOne_SuggestsNothing(string line, string prefix)
    {
        var error = Assert.Single(ScenarioText.Errors(ScenarioText.Minimal + "\n" + line));
        Assert.StartsWith(prefix, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadUnit_InADuration_SaysWhatWasFoundAndTheForm()
    {
        var text = ScenarioText.Minimal.Replace("duration: 10m", "duration: 10 minutes", StringComparison.Ordinal);
        ScenarioText.AssertError(text, 2, 11, "duration: '10 minutes' is not a duration", "250us, 40ms");
    }

    [Fact]
    public void BadUnit_InARate_IsReportedAtTheValue()
    {
        var text = ScenarioText.Minimal.Replace("{rate: 4/h}", "{rate: 4 per hour}", StringComparison.Ordinal);
        ScenarioText.AssertError(text, 5, 18, "clients.visits.rate: '4 per hour' is not a rate", "4/h");
    }

    [Fact]
    public void BadUnit_InACapacity_IsReportedAtTheValue()
    {
        var text = ScenarioText.Minimal + "\n  - name: x\n    session_ids: {capacity: 10min}";
        ScenarioText.AssertError(text, 10, 29, "'10min' is not a capacity", "10MB");
    }

    [Fact]
    public void BadEnum_ListsTheChoices()
    {
        var text = ScenarioText.Minimal + "\nfarm:\n  balancer: round_robin";
        ScenarioText.AssertError(text, 10, 13, "farm.balancer: 'round_robin' is not a valid choice",
            "round-robin, random, least-connections, source-hash, consistent-hash, session-sticky");
    }

    [Fact]
    public void BadEnum_UnknownBrowser_ListsThePresets()
    {
        var text = ScenarioText.Minimal.Replace("visits: {rate: 4/h}", "visits: {rate: 4/h}\n  mix: [{browser: edge, share: 1}]", StringComparison.Ordinal);
        ScenarioText.AssertError(text, 6, 19, "'edge' is not a client preset", "chrome, firefox, safari, go, go-cache, openssl, curl, api-client");
    }

    [Theory]
    [InlineData("replications: 0", 9, 15, "1 to 1000")]
    [InlineData("replications: 1001", 9, 15, "1 to 1000")]
    [InlineData("pages: {connections: 7}", 9, 22, "from 1 to 6")]
    [InlineData("farm: {servers: 0}", 9, 17, "from 1 to 100000")]
    [InlineData("warmup: -1m", 9, 9, "neither a duration nor auto")]
    [InlineData("faults: [{at: 10m, restart: server-1}]", 9, 15, "faults[0].at: 10m is out of range")]
    [InlineData("faults: [{at: 1m, restart: server-2}]", 9, 28, "server-N with N from 1 to 1")]
    [InlineData("faults: [{at: 1m, restart: shared}]", 9, 28, "'shared' is not a server name")]
    [InlineData("output: {bucket: 0}", 9, 18, "out of range")]
    [InlineData("tls: {chain_bytes: 32MB}", 9, 20, "out of range")]
    [InlineData("network: {mss: 100}", 9, 16, "from 536 to 65495")]
    [InlineData("seed: -1", 9, 7, "unsigned 64-bit integer")]
    public void OutOfRange_IsReportedAtTheValue(string line, int row, int column, string fragment)
    {
        ScenarioText.AssertError(ScenarioText.Minimal + "\n" + line, row, column, fragment);
    }

    [Fact]
    public void OutOfRange_Tls13TicketLifetimeOverSevenDays_CitesTheRfc()
    {
        var text = ScenarioText.Minimal.Replace("strategies:", "tls: {version: \"1.3\"}\nstrategies:", StringComparison.Ordinal)
            + "\n  - name: t\n    tickets: {lifetime: 8d}";
        ScenarioText.AssertError(text, 11, 25, "lifetime: 8d is out of range", "7d");
    }

    [Fact]
    public void BadEnum_UnknownKeyExchange_ListsTheGroups()
    {
        ScenarioText.AssertError(ScenarioText.Minimal + "\ntls: {version: \"1.3\", key_exchange: x448}", 9, 37, "tls.key_exchange: 'x448' is not a valid choice", "x25519, p256, x25519mlkem768");
    }

    [Fact]
    public void KeyExchange_HybridWithTls12_IsRefusedAtTheKeyExchange()
    {
        // draft-ietf-tls-ecdhe-mlkem defines X25519MLKEM768 for TLS 1.3 only.
        ScenarioText.AssertError(ScenarioText.Minimal + "\ntls: {version: \"1.2\", key_exchange: x25519mlkem768}", 9, 37, "x25519mlkem768 is a TLS 1.3 group", "tls.version \"1.3\"");
    }

    [Fact]
    public void MixShares_NotSummingToOne_IsReportedAtTheList()
    {
        var text = ScenarioText.Minimal.Replace("visits: {rate: 4/h}", "visits: {rate: 4/h}\n  mix:\n    - {browser: chrome, share: 0.5}\n    - {browser: curl, share: 0.4}", StringComparison.Ordinal);
        ScenarioText.AssertError(text, 7, 5, "shares sum to 0.9", "sum to 1");
    }

    [Fact]
    public void DuplicateKey_IsReportedAtTheSecondWithTheFirstsPosition()
    {
        var text = ScenarioText.Minimal + "\nduration: 20m";
        ScenarioText.AssertError(text, 9, 1, "duplicate key 'duration' (first written at 2:1)");
    }

    [Fact]
    public void DuplicateStrategyName_IsAnError()
    {
        var text = ScenarioText.Minimal + "\n  - name: none\n    resumption: off";
        ScenarioText.AssertError(text, 9, 11, "'none' is already the name of the strategy at 7:11");
    }

    [Fact]
    public void MissingRequiredKeys_AreReportedAtTheEnclosingMapping()
    {
        var errors = ScenarioText.Errors("description: nothing else\nclients:\n  count: 5\n");

        Assert.Contains(errors, e => (e.Line, e.Column) == (1, 1) && e.Message.StartsWith("missing required key 'name' in the top level", StringComparison.Ordinal));
        Assert.Contains(errors, e => (e.Line, e.Column) == (1, 1) && e.Message.StartsWith("missing required key 'duration'", StringComparison.Ordinal));
        Assert.Contains(errors, e => (e.Line, e.Column) == (1, 1) && e.Message.StartsWith("missing required key 'strategies'", StringComparison.Ordinal));
        Assert.Contains(errors, e => (e.Line, e.Column) == (3, 3) && e.Message.StartsWith("missing required key 'visits' in clients", StringComparison.Ordinal));
    }

    [Fact]
    public void MissingClientsCount_IsReportedAtTheClientsMapping()
    {
        var text = ScenarioText.Minimal.Replace("  count: 100\n", "", StringComparison.Ordinal);
        ScenarioText.AssertError(text, 4, 3, "missing required key 'count' in clients");
    }

    [Fact]
    public void ResumptionOff_CombinedWithTickets_IsAnError()
    {
        var text = ScenarioText.Minimal + "\n  - name: x\n    resumption: off\n    tickets: {}";
        ScenarioText.AssertError(text, 10, 17, "cannot be combined");
    }

    [Fact]
    public void Strategy_ResumingNothing_IsAnError()
    {
        ScenarioText.AssertError(ScenarioText.Minimal + "\n  - name: x", 9, 5, "resumes nothing");
    }

    [Fact]
    public void SessionIds_WithoutCapacityOrPreset_IsAnError()
    {
        var text = ScenarioText.Minimal + "\n  - name: x\n    session_ids: {timeout: 5m}";
        ScenarioText.AssertError(text, 10, 18, "missing required key 'capacity'");
    }

    [Fact]
    public void EarlyData_OnTls12_IsAnError()
    {
        var text = ScenarioText.Minimal + "\n  - name: x\n    tickets: {early_data: true}";
        ScenarioText.AssertError(text, 10, 27, "needs tls.version 1.3");
    }

    [Fact]
    public void WrongNodeKind_SaysWhatWasFound()
    {
        var text = ScenarioText.Minimal + "\nfarm: [1, 2]";
        ScenarioText.AssertError(text, 9, 7, "farm is a list; expected a mapping with keys: servers, cores, workers, reuseport, balancer");
    }

    [Fact]
    public void UnsafeName_IsAnError()
    {
        ScenarioText.AssertError(ScenarioText.Minimal.Replace("name: t", "name: ../x", StringComparison.Ordinal), 1, 7, "not a safe name");
    }

    [Fact]
    public void YamlSyntaxError_IsConvertedWithYamlDotNetsPosition()
    {
        var error = Assert.Single(ScenarioText.Errors("name: t\nduration: [5m\nclients: {count: 1}\n"));
        Assert.StartsWith("YAML syntax error: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(ScenarioText.File, error.File);
        Assert.Equal((2, 11), (error.Line, error.Column));
        Assert.DoesNotContain("Idx:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void YamlSyntaxError_BadIndentation_HasItsLineAndColumn()
    {
        var error = Assert.Single(ScenarioText.Errors("name: t\nfarm:\n  servers: 2\n   - x: [\n"));
        Assert.Equal((4, 7), (error.Line, error.Column));
    }

    [Fact]
    public void YamlSyntaxError_UnclosedFlowMappingAtTheEnd_IsStillAScenarioError()
    {
        var error = Assert.Single(ScenarioText.Errors("name: t\nclients: {count: 1\nduration: 5m\n"));
        Assert.StartsWith("YAML syntax error: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void EmptyFile_IsAnError()
    {
        Assert.Contains("no YAML document", Assert.Single(ScenarioText.Errors("")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AllErrors_AreCollectedInOnePass()
    {
        var text = """
            name: t
            duration: 10
            clients:
              count: lots
              visits: {rate: 4/week}
            farm: {servers: 2, cores: 0, balancer: nope}
            strategies:
              - name: x
                session_ids: {capacity: 10MB, eviction: random}
            """;
        var errors = ScenarioText.Errors(text);

        Assert.Equal(
            ["2:11", "4:10", "5:18", "6:27", "6:40", "9:45"],
            errors.Select(e => $"{e.Line}:{e.Column}").Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void ScenarioError_ToString_IsFileLineColumnMessage()
    {
        Assert.Equal("a.yaml:3:7: boom", new ScenarioError("a.yaml", 3, 7, "boom").ToString());
    }

    [Fact]
    public void ScenarioError_ToString_WithoutAPosition_HasNoMadeUpZeroZero()
    {
        Assert.Equal("a.yaml: boom", new ScenarioError("a.yaml", 0, 0, "boom").ToString());
        Assert.Equal("boom", new ScenarioError("", 0, 0, "boom").ToString());
    }
}
