using System.Text.Json.Nodes;

namespace RolloutOperator.Model.Yaml;

/// <summary>One YAML document as JSON, or why it was refused (too many nodes, too deep, a duplicate key) with what was read of it.</summary>
public sealed record ConvertedDocument(JsonNode? Node, string? Refusal = null);
