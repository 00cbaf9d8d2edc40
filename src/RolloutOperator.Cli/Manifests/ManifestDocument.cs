using System.Text.Json.Nodes;

namespace RolloutOperator.Cli.Manifests;

/// <summary>
/// One YAML document of the input; <see cref="Label"/> names it in messages ("file.yaml#2 Rollout/web"). A document the
/// reader refused (<see cref="Refusal"/>) has an empty node and is reported, never linted.
/// </summary>
internal sealed record ManifestDocument(string Source, int Index, JsonObject Node, string? Refusal = null)
{
    public string? Kind => Text(Node["kind"]);

    public string? ApiVersion => Text(Node["apiVersion"]);

    public string? Name => Node["metadata"] is JsonObject metadata ? Text(metadata["name"]) : null;

    public string? Namespace => Node["metadata"] is JsonObject metadata ? Text(metadata["namespace"]) : null;

    public string Label => $"{Source}#{Index + 1} {Kind ?? "<no kind>"}/{Name ?? "<no name>"}";

    // A number or a list where a string belongs must not throw while a document is being named.
    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
