using System.Text.Json.Nodes;
using YamlDotNet.Core.Events;

namespace RolloutOperator.Model.Yaml;

/// <summary>
/// Builds one document's JSON from parser events with an explicit stack (no recursion, so no depth can overflow the
/// stack), counting nodes against a budget shared by the whole input and refusing excess depth.
/// </summary>
internal sealed class YamlDocumentBuilder
{
    private readonly Stack<Frame> _frames = new();
    private readonly Dictionary<string, (JsonNode? Node, int Size, int Height)> _anchors = new(StringComparer.Ordinal);
    private readonly NodeBudget _budget;
    private readonly DuplicateKeys _duplicates;

    public YamlDocumentBuilder(NodeBudget budget, DuplicateKeys duplicates = DuplicateKeys.Refuse)
    {
        _budget = budget;
        _duplicates = duplicates;
    }

    public JsonNode? Root { get; private set; }

    /// <summary>What was built of the document's top-level mapping so far: enough to name a refused document.</summary>
    public JsonNode? Partial => Root ?? _frames.LastOrDefault()?.Node;

    public void Add(ParsingEvent e)
    {
        switch (e)
        {
            case MappingStart start:
                Open(new Frame(new JsonObject(), start.Anchor.IsEmpty ? null : start.Anchor.Value, e));
                break;
            case SequenceStart start:
                Open(new Frame(new JsonArray(), start.Anchor.IsEmpty ? null : start.Anchor.Value, e));
                break;
            case MappingEnd or SequenceEnd:
                Close();
                break;
            case Scalar scalar when _frames.TryPeek(out var frame) && frame is { Node: JsonObject, Key: null }:
                // A key keeps its text as written ("true", "1", ""), as the API server's decoder reads it.
                _budget.Spend(1, scalar);
                frame.Key = scalar.Value;
                break;
            case Scalar scalar:
                _budget.Spend(1, scalar);
                Place(YamlScalars.Convert(scalar), 1, 0, scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value, scalar);
                break;
            case AnchorAlias alias:
                Repeat(alias);
                break;
        }
    }

    private void Open(Frame frame)
    {
        if (_frames.Count >= YamlLimits.MaxDepth)
        {
            throw new YamlRefusedException($"nested deeper than {YamlLimits.MaxDepth} levels at line {frame.Start.Start.Line}");
        }

        _budget.Spend(1, frame.Start);
        _frames.Push(frame);
    }

    private void Close()
    {
        var frame = _frames.Pop();
        Place(frame.Node, frame.Size, frame.Height + 1, frame.Anchor, frame.Start);
    }

    // An alias stands for a copy of its anchor's node: it costs that node's size and height, counted before copying.
    private void Repeat(AnchorAlias alias)
    {
        if (!_anchors.TryGetValue(alias.Value.Value, out var anchored))
        {
            throw new YamlRefusedException($"alias *{alias.Value.Value} at line {alias.Start.Line} refers to no anchor");
        }

        if (_frames.Count + anchored.Height > YamlLimits.MaxDepth)
        {
            throw new YamlRefusedException($"alias *{alias.Value.Value} at line {alias.Start.Line} nests deeper than {YamlLimits.MaxDepth} levels");
        }

        _budget.Spend(anchored.Size, alias);
        Place(anchored.Node?.DeepClone(), anchored.Size, anchored.Height, null, alias);
    }

    private void Place(JsonNode? node, int size, int height, string? anchor, ParsingEvent at)
    {
        if (anchor is not null)
        {
            _anchors[anchor] = (node, size, height);
        }

        if (_frames.Count == 0)
        {
            Root = node;
            return;
        }

        var parent = _frames.Peek();
        parent.Size += size;
        parent.Height = Math.Max(parent.Height, height);
        if (parent.Node is JsonArray array)
        {
            array.Add(node);
        }
        else if (parent.Key is null)
        {
            parent.Key = node is JsonValue key && key.TryGetValue<string>(out var text) ? text : KeyText(node, at);
        }
        else
        {
            AddProperty((JsonObject)parent.Node, parent.Key, node, at);
            parent.Key = null;
        }
    }

    private static string KeyText(JsonNode? node, ParsingEvent at) => node switch
    {
        null => "null",
        JsonValue value => value.ToJsonString(),
        _ => throw new YamlRefusedException($"non-scalar key at line {at.Start.Line}"),
    };

    // kubectl's strict field validation refuses duplicate keys (silently keeping the last one would lint a different
    // object); the API server's default only warns and keeps the last value.
    private void AddProperty(JsonObject obj, string key, JsonNode? value, ParsingEvent at)
    {
        if (obj.TryAdd(key, value))
        {
            return;
        }

        if (_duplicates == DuplicateKeys.Refuse)
        {
            throw new YamlRefusedException($"duplicate key \"{key}\" at line {at.Start.Line}");
        }

        obj[key] = value;
    }

    private sealed class Frame(JsonNode node, string? anchor, ParsingEvent start)
    {
        public JsonNode Node { get; } = node;

        public string? Anchor { get; } = anchor;

        public ParsingEvent Start { get; } = start;

        public string? Key { get; set; }

        public int Size { get; set; } = 1;

        public int Height { get; set; }
    }
}
