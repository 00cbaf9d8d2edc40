using System.Text.Json.Nodes;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.Traffic.Istio;

/// <summary>
/// Keeps the revision label of the DestinationRule's stable and canary subsets equal to the revisions the stable and
/// canary Services select, so subset-based routing sends weight to exactly the pods host-based routing would. Only
/// <c>spec.subsets[i].labels["rollout-operator.io/revision"]</c> of those two subsets is ever written.
/// </summary>
internal static class DestinationRulePatch
{
    public const string Label = ApiGroup.RevisionLabel;

    /// <summary>Operations that set each subset's label to its revision; a null revision leaves that subset alone (its Service selects none yet).</summary>
    public static List<JsonObject> Build(JsonObject rule, IstioObjectRef reference, SubsetRouting subsets, string? stableRevision, string? canaryRevision)
    {
        var ops = new List<JsonObject>();
        Set(ops, rule, reference, subsets.StableSubset, stableRevision);
        Set(ops, rule, reference, subsets.CanarySubset, canaryRevision);
        return ops;
    }

    /// <summary>Operations that remove the operator's label from both subsets, so they select by the user's labels alone again.</summary>
    public static List<JsonObject> Reset(JsonObject rule, IstioObjectRef reference, SubsetRouting subsets)
    {
        var ops = new List<JsonObject>();
        foreach (var name in new[] { subsets.StableSubset, subsets.CanarySubset })
        {
            var index = IndexOf(rule, reference, name);
            if (Labels(rule, index)?[Label] is not null)
            {
                ops.Add(JsonPatchOps.Remove($"/spec/subsets/{index}/labels/{JsonPatchOps.Escape(Label)}"));
            }
        }

        return ops;
    }

    /// <summary>The revision a subset's label names, or null.</summary>
    public static string? Revision(JsonObject rule, IstioObjectRef reference, string subset) =>
        Labels(rule, IndexOf(rule, reference, subset))?[Label] is JsonValue v && v.TryGetValue<string>(out var revision) ? revision : null;

    public static string Host(JsonObject rule, IstioObjectRef reference) =>
        rule["spec"]?["host"] is JsonValue v && v.TryGetValue<string>(out var host) && host.Length > 0
            ? host
            : throw new TrafficRoutingException($"{reference} has no spec.host");

    private static void Set(List<JsonObject> ops, JsonObject rule, IstioObjectRef reference, string subset, string? revision)
    {
        var index = IndexOf(rule, reference, subset);
        if (revision is null || Revision(rule, reference, subset) == revision)
        {
            return;
        }

        ops.Add(Labels(rule, index) is null
            ? JsonPatchOps.Add($"/spec/subsets/{index}/labels", new JsonObject { [Label] = revision })
            : JsonPatchOps.Add($"/spec/subsets/{index}/labels/{JsonPatchOps.Escape(Label)}", revision));
    }

    private static JsonObject? Labels(JsonObject rule, int index) =>
        (rule["spec"]?["subsets"] as JsonArray)?[index]?["labels"] as JsonObject;

    private static int IndexOf(JsonObject rule, IstioObjectRef reference, string subset)
    {
        var subsets = rule["spec"]?["subsets"] as JsonArray ?? [];
        for (var i = 0; i < subsets.Count; i++)
        {
            if (subsets[i]?["name"] is JsonValue v && v.TryGetValue<string>(out var name) && name == subset)
            {
                return i;
            }
        }

        throw new TrafficRoutingException($"{reference} has no subset named {subset}");
    }
}
