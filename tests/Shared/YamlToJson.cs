using System.Text.Json.Nodes;

namespace RolloutOperator.Testing;

/// <summary>
/// Test manifests read by the product's own YAML reader (<see cref="Model.Yaml.YamlToJson"/>), the way the API server reads
/// them: an untagged plain scalar that is an int, float, bool or null in the YAML 1.2 core schema becomes that JSON type.
/// </summary>
internal static class YamlToJson
{
    /// <summary>Every document of a (possibly multi-document) YAML text; empty documents are skipped.</summary>
    public static IReadOnlyList<JsonNode> Documents(string yaml) => [.. Model.Yaml.YamlToJson.Nodes(yaml).OfType<JsonNode>()];

    public static JsonNode Single(string yaml) => Documents(yaml) switch
    {
        [var only] => only,
        var all => throw new ArgumentException($"expected one YAML document, found {all.Count}", nameof(yaml)),
    };
}
