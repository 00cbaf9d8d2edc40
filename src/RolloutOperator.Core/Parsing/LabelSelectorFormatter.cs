using RolloutOperator.Core.Api;

namespace RolloutOperator.Core.Parsing;

/// <summary>
/// The selector in the string form of the scale subresource ("app=demo,tier in (a,b)"). Requirements are sorted by key
/// and values within a requirement sorted, as Kubernetes does, so the status field does not flap between equal selectors.
/// </summary>
internal static class LabelSelectorFormatter
{
    public static string Format(LabelSelector selector)
    {
        var labels = (selector.MatchLabels ?? [])
            .Select(pair => (Key: pair.Key, Text: $"{pair.Key}={pair.Value}"));
        var expressions = (selector.MatchExpressions ?? []).OfType<LabelSelectorRequirement>()
            .Select(requirement => (Key: requirement.Key, Text: Format(requirement)));
        var ordered = labels.Concat(expressions).OrderBy(r => r.Key, StringComparer.Ordinal).ThenBy(r => r.Text, StringComparer.Ordinal);
        return string.Join(',', ordered.Select(r => r.Text));
    }

    public static string FromLabels(IReadOnlyDictionary<string, string> labels) =>
        Format(new LabelSelector { MatchLabels = labels.ToDictionary(StringComparer.Ordinal) });

    private static string Format(LabelSelectorRequirement requirement) => requirement.Operator switch
    {
        LabelSelectorOperator.In => $"{requirement.Key} in ({Values(requirement)})",
        LabelSelectorOperator.NotIn => $"{requirement.Key} notin ({Values(requirement)})",
        LabelSelectorOperator.Exists => requirement.Key,
        _ => "!" + requirement.Key,
    };

    private static string Values(LabelSelectorRequirement requirement) =>
        string.Join(',', (requirement.Values ?? []).Order(StringComparer.Ordinal));
}
