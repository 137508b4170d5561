using System.Text;

namespace ResumeSim.Scenarios.Tests.Hostile;

/// <summary>
/// YAML built to exhaust the reader (deep nesting, alias bombs, huge mappings, floods of errors) is
/// refused as it is read, with the limit named at the place it was passed.
/// </summary>
public sealed class YamlLimitTests
{
    [Fact]
    public void Parse_FiftyThousandNestedLists_IsRefusedAtTheDepthLimit()
    {
        var text = "name: [" + new string('[', 50_000) + new string(']', 50_001) + "\n";

        var error = Assert.Single(ScenarioText.Errors(text));

        // The root mapping is level 1, the name's list level 2: the first list too deep opens at column 7 + 31.
        Assert.Equal((1, 7 + ScenarioLimits.MaxDepth - 1), (error.Line, error.Column));
        Assert.Contains($"limit of {ScenarioLimits.MaxDepth} levels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NestingAtTheLimit_IsNotADepthError()
    {
        var text = ScenarioText.Minimal + "\ndescription: " + new string('[', ScenarioLimits.MaxDepth - 1) + new string(']', ScenarioLimits.MaxDepth - 1) + "\n";

        Assert.DoesNotContain(ScenarioText.Errors(text), e => e.Message.Contains("levels", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_AliasBomb_IsRefusedBeforeTheCopy()
    {
        // Nine aliases per level, nine levels: 9^9 (387 million) nodes from 400 bytes.
        var text = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 9; i++)
        {
            text.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9))}]\n");
        }

        var error = Assert.Single(ScenarioText.Errors(text.ToString()));

        Assert.Contains($"limit of {ScenarioLimits.MaxNodes} nodes", error.Message, StringComparison.Ordinal);
        Assert.Contains("alias", error.Message, StringComparison.Ordinal);
        Assert.True(error.Line is > 1 and <= 9, error.ToString());
    }

    [Fact]
    public void Parse_AliasesThatStackDepth_AreRefusedAtTheDepthLimit()
    {
        // Each anchor is 20 levels deep; the alias puts it inside another 20 levels.
        var deep = new string('[', 20) + new string(']', 20);
        var text = $"a: &a {deep}\nb: {new string('[', 20)}*a{new string(']', 20)}\n";

        var error = Assert.Single(ScenarioText.Errors(text));

        Assert.Equal(2, error.Line);
        Assert.Contains($"limit of {ScenarioLimits.MaxDepth} levels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EightyThousandKeys_IsRefusedNamingTheKeyLimit()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 80_000; i++)
        {
            text.Append("k").Append(i).Append(": 1\n");
        }

        var error = Assert.Single(ScenarioText.Errors(text.ToString()));

        Assert.Equal((1, 1), (error.Line, error.Column));
        Assert.Contains($"limit of {ScenarioLimits.MaxEntries} keys", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ListOverTheItemLimit_IsRefused()
    {
        var text = ScenarioText.Minimal + "\noutput: {charts: [" + string.Join(", ", Enumerable.Repeat("x", ScenarioLimits.MaxEntries + 1)) + "]}\n";

        Assert.Contains(ScenarioText.Errors(text), e => e.Line == 9 && e.Message.Contains($"limit of {ScenarioLimits.MaxEntries} items", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_DuplicatesAmongManyKeys_AreEachReportedAgainstTheFirst()
    {
        var text = new StringBuilder();
        for (var i = 0; i < ScenarioLimits.MaxEntries / 2; i++)
        {
            text.Append("k").Append(i).Append(": 1\n");
        }

        text.Append("k7: 2\n");

        var errors = ScenarioText.Errors(text.ToString());

        Assert.Contains(errors, e => e.Line == (ScenarioLimits.MaxEntries / 2) + 1 && e.Message.Contains("duplicate key 'k7' (first written at 8:1)", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_ThousandUnknownKeys_ListsAHundredAndCountsTheRest()
    {
        var text = new StringBuilder(ScenarioText.Minimal).Append('\n');
        for (var i = 0; i < 990; i++)
        {
            text.Append("zz").Append(i).Append(": 1\n");
        }

        var e = Assert.Throws<ScenarioException>(() => ScenarioText.Parse(text.ToString()));

        Assert.Equal(ScenarioLimits.MaxErrorsShown + 1, e.Errors.Count);
        Assert.Contains("890 more errors not listed", e.Errors[^1].Message, StringComparison.Ordinal);
    }
}
