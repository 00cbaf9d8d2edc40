using System.Text.Json.Nodes;
using RolloutOperator.ApiEmulator.Json;

namespace RolloutOperator.ApiEmulator.Selectors;

/// <summary>metav1.LabelSelector objects: matching and their query-string form (Scale.status.selector).</summary>
internal static class SelectorText
{
    public static string Format(JsonObject selector)
    {
        var parts = new List<string>();
        foreach (var (key, value) in (selector["matchLabels"] as JsonObject ?? []).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            parts.Add($"{key}={value}");
        }

        foreach (var expression in JsonTree.Objects(selector["matchExpressions"]))
        {
            var key = JsonTree.Str(expression, "key");
            var values = string.Join(",", (expression["values"] as JsonArray ?? []).Select(v => v?.ToString()).Order(StringComparer.Ordinal));
            parts.Add(JsonTree.Str(expression, "operator") switch
            {
                "In" => $"{key} in ({values})",
                "NotIn" => $"{key} notin ({values})",
                "Exists" => key!,
                _ => $"!{key}",
            });
        }

        return string.Join(",", parts);
    }

    public static bool Matches(JsonObject selector, JsonObject obj)
    {
        var text = Format(selector);
        // An empty LabelSelector object matches everything; a workload needs a non-empty one.
        return text.Length > 0 && LabelSelector.Parse(text).Matches(obj);
    }
}
