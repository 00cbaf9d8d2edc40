using System.Text.Json.Nodes;

namespace RolloutOperator.Cli.Manifests;

/// <summary>One YAML document as JSON, or why it was refused (too many nodes, too deep, a duplicate key) with what was read of it.</summary>
internal sealed record ConvertedDocument(JsonNode? Node, string? Refusal = null);
