using System.Text.Json.Nodes;
using RolloutOperator.Core.Api.Schema;

namespace RolloutOperator.CrdGen;

/// <summary>Renders [CelRule] attributes as <c>x-kubernetes-validations</c>.</summary>
internal static class CelRules
{
    public static void Add(JsonObject schema, IEnumerable<CelRuleAttribute> rules)
    {
        var validations = schema[SchemaKeys.Validations] as JsonArray ?? [];
        foreach (var rule in rules)
        {
            var entry = new JsonObject { ["rule"] = rule.Rule, ["message"] = rule.Message };
            if (rule.FieldPath is not null)
            {
                entry["fieldPath"] = rule.FieldPath;
            }

            validations.Add(entry);
        }

        if (validations.Count > 0 && validations.Parent is null)
        {
            schema[SchemaKeys.Validations] = validations;
        }
    }
}
