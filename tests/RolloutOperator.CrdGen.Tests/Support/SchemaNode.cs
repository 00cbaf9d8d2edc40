using System.Text.Json.Nodes;

namespace RolloutOperator.CrdGen.Tests.Support;

/// <summary>One node of an OpenAPI schema with its path, e.g. <c>spec.strategy.canary.steps[]</c>.</summary>
internal sealed record SchemaNode(string Path, JsonObject Schema, bool IsProperty)
{
    public string? Type => (string?)Schema["type"];

    public JsonObject? Properties => Schema["properties"] as JsonObject;

    public JsonObject? Property(string name) => Properties?[name] as JsonObject;

    public IEnumerable<string> Required => (Schema["required"] as JsonArray)?.Select(n => (string)n!) ?? [];

    public bool IsIntOrString => Schema["x-kubernetes-int-or-string"] is not null;

    public bool PreservesUnknownFields => Schema["x-kubernetes-preserve-unknown-fields"] is not null;

    /// <summary>This node and every node below it.</summary>
    public IEnumerable<SchemaNode> Descendants()
    {
        yield return this;
        var children = (Properties ?? []).Select(p => new SchemaNode($"{Path}.{p.Key}", p.Value!.AsObject(), true));
        if (Schema["items"] is JsonObject items)
        {
            children = children.Append(new SchemaNode(Path + "[]", items, false));
        }

        if (Schema["additionalProperties"] is JsonObject values)
        {
            children = children.Append(new SchemaNode(Path + "{}", values, false));
        }

        foreach (var descendant in children.SelectMany(c => c.Descendants()))
        {
            yield return descendant;
        }
    }

    /// <summary>Resolves a printer-column style path such as <c>.status.traffic.desiredWeight</c>.</summary>
    public SchemaNode? Resolve(string jsonPath)
    {
        var node = this;
        foreach (var name in jsonPath.TrimStart('.').Split('.'))
        {
            if (node.Property(name) is not { } child)
            {
                return null;
            }

            node = new SchemaNode($"{node.Path}.{name}", child, true);
        }

        return node;
    }
}
