using ResumeSim.Scenarios.Parsing;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ResumeSim.Scenarios.Yaml;

/// <summary>
/// Builds a <see cref="YNode"/> tree from YamlDotNet's event parser. Syntax errors become one
/// <see cref="ScenarioError"/> at YamlDotNet's position; duplicate keys are reported and the first
/// value kept, so reading goes on and later errors are found too.
/// </summary>
internal sealed class YamlTreeReader
{
    private readonly IParser _parser;
    private readonly Issues _issues;
    private readonly Dictionary<string, YNode> _anchors = new(StringComparer.Ordinal);
    private int _lastLine = 1;
    private int _lastColumn = 1;

    private YamlTreeReader(IParser parser, Issues issues)
    {
        _parser = parser;
        _issues = issues;
    }

    /// <summary>The document's root, or null when the text is not valid YAML or holds no document.</summary>
    public static YNode? Read(string text, Issues issues)
    {
        var reader = new YamlTreeReader(new Parser(new StringReader(text)), issues);
        try
        {
            return reader.ReadStream();
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

        var root = ReadNode();
        _parser.Consume<DocumentEnd>();
        if (_parser.Accept<DocumentStart>(out var second))
        {
            _issues.Add((int)second.Start.Line, (int)second.Start.Column, "a second YAML document ('---'); expected one document per file");
        }

        return root;
    }

    private YNode ReadNode()
    {
        var current = _parser.Current ?? throw new YamlException("unexpected end of the YAML stream");
        int line = (int)current.Start.Line, column = (int)current.Start.Column;
        (_lastLine, _lastColumn) = (line, column);
        switch (current)
        {
            case AnchorAlias alias:
                _parser.MoveNext();
                if (_anchors.TryGetValue(alias.Value.Value, out var anchored))
                {
                    return anchored.Copy();
                }

                throw new YamlException(alias.Start, alias.End, $"unknown alias '*{alias.Value.Value}'");
            case Scalar scalar:
                _parser.MoveNext();
                return Remember(scalar.Anchor, new YScalar(scalar.Value, scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted, line, column));
            case SequenceStart start:
                _parser.MoveNext();
                var sequence = new YSequence(line, column);
                while (!_parser.TryConsume<SequenceEnd>(out _))
                {
                    sequence.Items.Add(ReadNode());
                }

                return Remember(start.Anchor, sequence);
            case MappingStart start:
                _parser.MoveNext();
                return Remember(start.Anchor, ReadMappingBody(line, column));
            default:
                throw new YamlException(current.Start, current.End, $"unexpected {current.GetType().Name}");
        }
    }

    private YMapping ReadMappingBody(int line, int column)
    {
        var mapping = new YMapping(line, column);
        while (!_parser.TryConsume<MappingEnd>(out _))
        {
            var keyNode = ReadNode();
            var value = ReadNode();
            if (keyNode is not YScalar key)
            {
                _issues.Add(keyNode, $"{keyNode.Describe()} used as a key; expected a plain key name");
                continue;
            }

            var first = mapping.Find(key.Value);
            if (first is not null)
            {
                _issues.Add(key, $"duplicate key '{key.Value}' (first written at {first.Key.Line}:{first.Key.Column}); expected each key once");
                continue;
            }

            mapping.Entries.Add(new YEntry(key, value));
        }

        return mapping;
    }

    private YNode Remember(AnchorName anchor, YNode node)
    {
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = node;
        }

        return node;
    }

    // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: ..) - (...): "; the position is ours to print.
    private static string Clean(string message)
    {
        var marker = message.LastIndexOf("): ", StringComparison.Ordinal);
        return marker >= 0 && message.StartsWith('(') ? message[(marker + 3)..] : message;
    }
}
