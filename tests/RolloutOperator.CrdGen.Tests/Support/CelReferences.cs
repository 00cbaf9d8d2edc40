using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RolloutOperator.CrdGen.Tests.Support;

/// <summary>
/// Checks a node's CEL rules against its schema: every <c>self.a.b</c> path must exist (the API server rejects unknown fields at compile time),
/// and every string/list/map a rule touches must be bounded, or the estimated cost exceeds the budget.
/// </summary>
internal static partial class CelReferences
{
    public static IEnumerable<string> Problems(SchemaNode node) =>
        (node.Schema["x-kubernetes-validations"] as JsonArray ?? []).SelectMany(v => Problems(node, v!.AsObject()));

    private static IEnumerable<string> Problems(SchemaNode node, JsonObject validation)
    {
        var rule = (string)validation["rule"]!;
        if (string.IsNullOrWhiteSpace((string?)validation["message"]))
        {
            yield return $"{node.Path}: rule '{rule}' has no message";
        }

        var paths = SelfPath().Matches(rule).Select(m => m.Groups[1].Value).ToList();
        if (validation["fieldPath"] is { } fieldPath)
        {
            paths.Add((string)fieldPath!);
        }

        foreach (var path in paths.Distinct())
        {
            var target = node.Resolve(path);
            if (target is null)
            {
                yield return $"{node.Path}: rule '{rule}' refers to missing field {path}";
                continue;
            }

            // Unbounded strings or lists make the estimated cost exceed the budget and the CRD is rejected.
            var bound = target.Type switch
            {
                "string" when target.Schema["enum"] is null && target.Schema["format"] is null => "maxLength",
                "array" => "maxItems",
                "object" when target.Schema["additionalProperties"] is not null => "maxProperties",
                _ => null,
            };
            if (bound is not null && target.Schema[bound] is null)
            {
                yield return $"{node.Path}: rule '{rule}' touches {path} which has no {bound}";
            }
        }
    }

    [GeneratedRegex(@"\bself((?:\.[A-Za-z_][A-Za-z0-9_]*)+)")]
    private static partial Regex SelfPath();
}
