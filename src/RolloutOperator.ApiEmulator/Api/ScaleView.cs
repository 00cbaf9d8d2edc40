using System.Text.Json.Nodes;
using RolloutOperator.ApiEmulator.Json;
using RolloutOperator.ApiEmulator.Resources;
using RolloutOperator.ApiEmulator.Selectors;

namespace RolloutOperator.ApiEmulator.Api;

/// <summary>autoscaling/v1 Scale projection of a resource with a scale subresource.</summary>
internal static class ScaleView
{
    public static JsonObject Of(JsonObject stored, ScaleSpec scale)
    {
        var meta = (JsonObject)stored["metadata"]!;
        var status = new JsonObject { ["replicas"] = JsonTree.Long(JsonTree.Get(stored, JsonTree.ParseDotted(scale.StatusReplicasPath))) ?? 0 };
        if (scale.LabelSelectorPath is { } selectorPath)
        {
            var selector = JsonTree.Get(stored, JsonTree.ParseDotted(selectorPath));
            status["selector"] = selector is JsonObject labelSelector ? SelectorText.Format(labelSelector) : selector?.ToString();
        }

        return new JsonObject
        {
            ["kind"] = "Scale",
            ["apiVersion"] = "autoscaling/v1",
            ["metadata"] = new JsonObject
            {
                ["name"] = meta["name"]?.DeepClone(),
                ["namespace"] = meta["namespace"]?.DeepClone(),
                ["uid"] = meta["uid"]?.DeepClone(),
                ["resourceVersion"] = meta["resourceVersion"]?.DeepClone(),
                ["creationTimestamp"] = meta["creationTimestamp"]?.DeepClone(),
            },
            ["spec"] = new JsonObject { ["replicas"] = JsonTree.Long(JsonTree.Get(stored, JsonTree.ParseDotted(scale.SpecReplicasPath))) ?? 0 },
            ["status"] = status,
        };
    }

    /// <summary>The object with spec replicas taken from a Scale; the Scale's resourceVersion is a precondition.</summary>
    public static JsonObject Apply(JsonObject stored, ScaleSpec scale, JsonObject scaleBody)
    {
        var desired = JsonTree.CloneObject(stored);
        var replicas = JsonTree.Long(scaleBody["spec"]?["replicas"]) ?? 0;
        JsonTree.Set(desired, JsonTree.ParseDotted(scale.SpecReplicasPath), replicas);
        var meta = JsonTree.Metadata(desired);
        meta["resourceVersion"] = JsonTree.Str(scaleBody["metadata"], "resourceVersion") ?? string.Empty;
        return desired;
    }
}
