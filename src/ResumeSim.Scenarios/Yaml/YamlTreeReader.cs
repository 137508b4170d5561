using ResumeSim.Scenarios.Parsing;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ResumeSim.Scenarios.Yaml;

/// <summary>
/// Builds a <see cref="YNode"/> tree from YamlDotNet's event parser. Syntax errors become one
/// <see cref="ScenarioError"/> at YamlDotNet's position; duplicate keys are reported and the first
/// value kept, so reading goes on and later errors are found too. The tree's size is bounded as it is
/// built (<see cref="ScenarioLimits"/>): nesting before the recursion gets deep, alias expansion by the
/// nodes it would copy before copying them, and the keys of a mapping before the next one is read, so a
/// small hostile file cannot exhaust the stack, the memory or the time of the reader.
/// </summary>
internal sealed class YamlTreeReader
{
    private readonly IParser _parser;
    private readonly Issues _issues;
    private readonly Dictionary<string, Anchored> _anchors = new(StringComparer.Ordinal);
    private int _nodes;
    private int _lastLine = 1;
    private int _lastColumn = 1;

    private YamlTreeReader(IParser parser, Issues issues)
    {
        _parser = parser;
        _issues = issues;
    }

    /// <summary>The document's root, or null when the text is not valid YAML, holds no document or passes a limit.</summary>
    public static YNode? Read(string text, Issues issues)
    {
        var reader = new YamlTreeReader(new Parser(new StringReader(text)), issues);
        try
        {
            return reader.ReadStream();
        }
        catch (LimitExceeded e)
        {
            issues.Add(e.Line, e.Column, e.Message);
            return null;
        }
        catch (YamlException e)
        {
            issues.Add((int)e.Start.Line, (int)e.Start.Column, $"YAML syntax error: {Clean(e.Message)}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this (not a YamlException) when the text ends inside an
            // unclosed flow collection; the last node read is the best position we have.
            issues.Add(reader._lastLine, reader._lastColumn, "YAML syntax error: the text cannot be read past here; expected a closing '}', ']' or quote");
            return null;
        }
    }

    private YNode? ReadStream()
    {
        _parser.Consume<StreamStart>();
        if (!_parser.TryConsume<DocumentStart>(out _))
        {
            _issues.Add(0, 0, "the file holds no YAML document; expected a mapping of scenario keys");
            return null;
        }

        var root = ReadNode(1, out _);
        _parser.Consume<DocumentEnd>();
        if (_parser.Accept<DocumentStart>(out var second))
        {
            _issues.Add((int)second.Start.Line, (int)second.Start.Column, "a second YAML document ('---'); expected one document per file");
        }

        return root;
    }

    /// <param name="depth">1 for the root; a node's children are one deeper.</param>
    /// <param name="height">Levels of the node's subtree (1 for a scalar).</param>
    private YNode ReadNode(int depth, out int height)
    {
        var current = _parser.Current ?? throw new YamlException("unexpected end of the YAML stream");
        int line = (int)current.Start.Line, column = (int)current.Start.Column;
        (_lastLine, _lastColumn) = (line, column);
        if (depth > ScenarioLimits.MaxDepth)
        {
            throw new LimitExceeded(line, column, $"nesting deeper than the limit of {ScenarioLimits.MaxDepth} levels; expected a scenario file (they nest about 5 levels)");
        }

        var nodesBefore = _nodes;
        Count(line, column, 1);
        height = 1;
        switch (current)
        {
            case AnchorAlias alias:
                _parser.MoveNext();
                return Expand(alias, depth, out height);
            case Scalar scalar:
                _parser.MoveNext();
                return Remember(scalar.Anchor, new YScalar(scalar.Value, scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted, line, column), nodesBefore, height);
            case SequenceStart start:
                _parser.MoveNext();
                var sequence = new YSequence(line, column);
                while (!_parser.TryConsume<SequenceEnd>(out _))
                {
                    if (sequence.Items.Count == ScenarioLimits.MaxEntries)
                    {
                        throw new LimitExceeded(line, column, $"a list of more than the limit of {ScenarioLimits.MaxEntries} items; expected a scenario file");
                    }

                    sequence.Items.Add(ReadNode(depth + 1, out var itemHeight));
                    height = Math.Max(height, itemHeight + 1);
                }

                return Remember(start.Anchor, sequence, nodesBefore, height);
            case MappingStart start:
                _parser.MoveNext();
                var mapping = ReadMappingBody(line, column, depth, out height);
                return Remember(start.Anchor, mapping, nodesBefore, height);
            default:
                throw new YamlException(current.Start, current.End, $"unexpected {current.GetType().Name}");
        }
    }

    private YMapping ReadMappingBody(int line, int column, int depth, out int height)
    {
        var mapping = new YMapping(line, column);
        var firstByKey = new Dictionary<string, YScalar>(StringComparer.Ordinal);
        var read = 0;
        height = 1;
        while (!_parser.TryConsume<MappingEnd>(out _))
        {
            if (++read > ScenarioLimits.MaxEntries)
            {
                throw new LimitExceeded(line, column, $"a mapping of more than the limit of {ScenarioLimits.MaxEntries} keys; expected a scenario file (its largest mapping has about 20)");
            }

            var keyNode = ReadNode(depth + 1, out var keyHeight);
            var value = ReadNode(depth + 1, out var valueHeight);
            height = Math.Max(height, Math.Max(keyHeight, valueHeight) + 1);
            if (keyNode is not YScalar key)
            {
                _issues.Add(keyNode, $"{keyNode.Describe()} used as a key; expected a plain key name");
                continue;
            }

            if (!firstByKey.TryAdd(key.Value, key))
            {
                var first = firstByKey[key.Value];
                _issues.Add(key, $"duplicate key {Excerpt.Quote(key.Value)} (first written at {first.Line}:{first.Column}); expected each key once");
                continue;
            }

            mapping.Entries.Add(new YEntry(key, value));
        }

        return mapping;
    }

    /// <summary>A copy of the anchored node, refused before copying when it would pass the node or depth limit.</summary>
    private YNode Expand(AnchorAlias alias, int depth, out int height)
    {
        if (!_anchors.TryGetValue(alias.Value.Value, out var anchored))
        {
            throw new YamlException(alias.Start, alias.End, $"unknown alias {Excerpt.Quote("*" + alias.Value.Value)}");
        }

        int line = (int)alias.Start.Line, column = (int)alias.Start.Column;
        height = anchored.Height;
        if (depth + anchored.Height - 1 > ScenarioLimits.MaxDepth)
        {
            throw new LimitExceeded(line, column, $"the alias makes nesting deeper than the limit of {ScenarioLimits.MaxDepth} levels; expected a scenario file (they nest about 5 levels)");
        }

        // The alias itself was counted as one node; its copy adds the rest of the anchored subtree.
        Count(line, column, anchored.Nodes - 1);
        return anchored.Node.Copy();
    }

    private void Count(int line, int column, int nodes)
    {
        if ((long)_nodes + nodes > ScenarioLimits.MaxNodes)
        {
            throw new LimitExceeded(line, column, $"more than the limit of {ScenarioLimits.MaxNodes} nodes (keys, values and list items, with every alias expanded); expected a scenario file (they have a few hundred)");
        }

        _nodes += nodes;
    }

    private YNode Remember(AnchorName anchor, YNode node, int nodesBefore, int height)
    {
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = new Anchored(node, _nodes - nodesBefore, height);
        }

        return node;
    }

    // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: ..) - (...): "; the position is ours to print.
    // Its messages can quote a tag or anchor from the file, so they are cut like any value.
    private static string Clean(string message)
    {
        var marker = message.LastIndexOf("): ", StringComparison.Ordinal);
        var text = marker >= 0 && message.StartsWith('(') ? message[(marker + 3)..] : message;
        const int maxLength = 200;
        return text.Length <= maxLength ? text : text[..maxLength] + "...";
    }

    private sealed record Anchored(YNode Node, int Nodes, int Height);

    private sealed class LimitExceeded(int line, int column, string message) : Exception(message)
    {
        public int Line { get; } = line;

        public int Column { get; } = column;
    }
}
