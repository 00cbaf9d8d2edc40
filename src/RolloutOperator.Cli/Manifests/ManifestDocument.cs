using System.Text.Json.Nodes;

namespace RolloutOperator.Cli.Manifests;

/// <summary>
/// One YAML document of the input; <see cref="Label"/> names it in messages ("file.yaml#2 Rollout/web"). A document the
/// reader refused (<see cref="Refusal"/>) has an empty node and is reported, never linted.
/// </summary>
internal sealed record ManifestDocument(string Source, int Index, JsonObject Node, string? Refusal = null)
{
    public string? Kind => (string?)Node["kind"];

    public string? Name => (string?)Node["metadata"]?["name"];

    public string? Namespace => (string?)Node["metadata"]?["namespace"];

    public string Label => $"{Source}#{Index + 1} {Kind ?? "<no kind>"}/{Name ?? "<no name>"}";
}
