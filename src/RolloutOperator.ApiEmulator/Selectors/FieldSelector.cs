using System.Text.Json.Nodes;
using RolloutOperator.ApiEmulator.Failures;
using RolloutOperator.ApiEmulator.Json;

namespace RolloutOperator.ApiEmulator.Selectors;

/// <summary>
/// fieldSelector support: metadata.name / metadata.namespace everywhere, plus the handful of
/// per-kind fields real clusters index; anything else is a 400 like the real server.
/// </summary>
internal sealed class FieldSelector
{
    private static readonly string[] Universal = ["metadata.name", "metadata.namespace"];

    private static readonly Dictionary<string, string[]> PerKind = new(StringComparer.Ordinal)
    {
        ["pods"] = ["status.phase", "spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName", "status.podIP"],
        ["events"] = ["involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type"],
        ["events.events.k8s.io"] = ["regarding.kind", "regarding.namespace", "regarding.name", "regarding.uid", "reason", "type", "reportingController"],
        ["secrets"] = ["type"],
        ["namespaces"] = ["status.phase"],
        ["replicasets.apps"] = ["status.replicas"],
    };

    private readonly IReadOnlyList<(string Field, bool Equal, string Value)> _terms;

    private FieldSelector(IReadOnlyList<(string, bool, string)> terms) => _terms = terms;

    public static FieldSelector Everything { get; } = new([]);

    /// <summary>The name this selector pins (metadata.name=x), used for single-object watches.</summary>
    public string? PinnedName => _terms.FirstOrDefault(t => t.Field == "metadata.name" && t.Equal).Value;

    public static FieldSelector Parse(string? text, string groupResource)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var allowed = Universal.Concat(PerKind.GetValueOrDefault(groupResource) ?? []).ToHashSet(StringComparer.Ordinal);
        return new FieldSelector(text.Split(',').Select(t => ParseTerm(t.Trim(), allowed)).ToList());
    }

    public static FieldSelector ForName(string name) => new([("metadata.name", true, name)]);

    public bool Matches(JsonObject obj) =>
        _terms.All(t => string.Equals(Value(obj, t.Field), t.Value, StringComparison.Ordinal) == t.Equal);

    private static (string, bool, string) ParseTerm(string term, HashSet<string> allowed)
    {
        foreach (var (token, equal) in new[] { ("!=", false), ("==", true), ("=", true) })
        {
            var index = term.IndexOf(token, StringComparison.Ordinal);
            if (index <= 0)
            {
                continue;
            }

            var field = term[..index].Trim();
            return allowed.Contains(field)
                ? (field, equal, term[(index + token.Length)..].Trim())
                : throw Errors.BadRequest($"field label not supported: {field}");
        }

        throw Errors.BadRequest($"invalid selector: '{term}'; can't understand '{term}'");
    }

    private static string Value(JsonObject obj, string field) =>
        JsonTree.Get(obj, field.Split('.'))?.ToString() ?? string.Empty;
}
