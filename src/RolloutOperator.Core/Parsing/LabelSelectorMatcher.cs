using System.Text.Json.Nodes;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Core.Parsing;

/// <summary>Checks a selector's shape and that it selects pods made from the template; otherwise no revision would ever be counted.</summary>
internal static class LabelSelectorMatcher
{
    public static void Validate(LabelSelector selector, IReadOnlyDictionary<string, string> labels, string path, SpecErrors errors)
    {
        var matchLabels = selector.MatchLabels ?? [];
        var expressions = selector.MatchExpressions ?? [];
        if (matchLabels.Count == 0 && expressions.Count == 0)
        {
            errors.Add(path, "selector must not be empty: it would select every pod in the namespace");
            return;
        }

        foreach (var (key, value) in matchLabels.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if ((LabelSyntax.KeyError(key) ?? LabelSyntax.ValueError(value) ?? (value is null ? "label value must not be null" : null)) is { } syntax)
            {
                errors.Add($"{path}.matchLabels", syntax);
            }
            else if (!labels.TryGetValue(key, out var actual) || actual != value)
            {
                errors.Add($"{path}.matchLabels", $"selector requires label {key}={value} but the pod template's labels do not have it");
            }
        }

        for (var i = 0; i < expressions.Count; i++)
        {
            ValidateExpression(expressions[i], labels, $"{path}.matchExpressions[{i}]", errors);
        }
    }

    /// <summary>Reads template.metadata.labels; values must be strings, as the API server will insist.</summary>
    public static Dictionary<string, string> TemplateLabels(JsonObject template, string path, SpecErrors errors)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (template["metadata"] is not JsonObject metadata || metadata["labels"] is not JsonObject labels)
        {
            return result;
        }

        foreach (var (key, node) in labels)
        {
            if (node is JsonValue value && value.TryGetValue<string>(out var text))
            {
                if ((LabelSyntax.KeyError(key) ?? LabelSyntax.ValueError(text)) is { } syntax)
                {
                    errors.Add($"{path}.metadata.labels", syntax);
                }

                result[key] = text;
            }
            else
            {
                errors.Add($"{path}.metadata.labels", $"label {key} must have a string value; quote it");
            }
        }

        return result;
    }

    private static void ValidateExpression(LabelSelectorRequirement? requirement, IReadOnlyDictionary<string, string> labels, string path, SpecErrors errors)
    {
        if (requirement is null)
        {
            errors.Add(path, "requirement must not be null");
            return;
        }

        if (LabelSyntax.KeyError(requirement.Key) is { } keyError)
        {
            errors.Add($"{path}.key", keyError);
            return;
        }

        var values = requirement.Values ?? [];
        for (var i = 0; i < values.Count; i++)
        {
            if ((values[i] is null ? "value must not be null" : LabelSyntax.ValueError(values[i])) is { } valueError)
            {
                errors.Add($"{path}.values[{i}]", valueError);
                return;
            }
        }

        var needsValues = requirement.Operator is LabelSelectorOperator.In or LabelSelectorOperator.NotIn;
        if (needsValues != (values.Count > 0))
        {
            errors.Add($"{path}.values", needsValues
                ? $"operator {requirement.Operator} needs at least one value"
                : $"operator {requirement.Operator} takes no values");
            return;
        }

        if (!Matches(requirement, labels))
        {
            errors.Add(path, $"selector requirement on {requirement.Key} does not match the pod template's labels");
        }
    }

    private static bool Matches(LabelSelectorRequirement requirement, IReadOnlyDictionary<string, string> labels)
    {
        var present = labels.TryGetValue(requirement.Key, out var value);
        var values = requirement.Values ?? [];
        return requirement.Operator switch
        {
            LabelSelectorOperator.In => present && values.Contains(value!, StringComparer.Ordinal),
            LabelSelectorOperator.NotIn => !present || !values.Contains(value!, StringComparer.Ordinal),
            LabelSelectorOperator.Exists => present,
            _ => !present,
        };
    }
}
