using k8s.Models;

namespace RolloutOperator.Runtime.Informers;

/// <summary>Evaluates a metav1.LabelSelector; an empty selector matches everything (API semantics).</summary>
public static class LabelSelectorMatcher
{
    public static bool Matches(V1LabelSelector selector, IDictionary<string, string>? labels)
    {
        ArgumentNullException.ThrowIfNull(selector);
        labels ??= new Dictionary<string, string>();
        var matchLabels = selector.MatchLabels ?? new Dictionary<string, string>();
        foreach (var (key, value) in matchLabels)
        {
            if (!labels.TryGetValue(key, out var actual) || !string.Equals(actual, value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return (selector.MatchExpressions ?? []).All(requirement => Matches(requirement, labels));
    }

    private static bool Matches(V1LabelSelectorRequirement requirement, IDictionary<string, string> labels)
    {
        var present = labels.TryGetValue(requirement.Key, out var value);
        var values = requirement.Values ?? [];
        return requirement.OperatorProperty switch
        {
            "In" => present && values.Contains(value!, StringComparer.Ordinal),
            "NotIn" => !present || !values.Contains(value!, StringComparer.Ordinal),
            "Exists" => present,
            "DoesNotExist" => !present,
            // An unknown operator must not silently select objects.
            _ => false,
        };
    }
}
