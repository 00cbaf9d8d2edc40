using System.Text.Json.Nodes;
using RolloutOperator.ApiEmulator.Json;
using RolloutOperator.ApiEmulator.Schema;
using RolloutOperator.ApiEmulator.Selectors;

namespace RolloutOperator.ApiEmulator.Api;

/// <summary>apps/v1 Deployment defaults and validation (the parts operators commonly trip over).</summary>
internal static class WorkloadRules
{
    public static void Default(JsonObject obj)
    {
        var spec = obj["spec"] as JsonObject;
        if (spec is null)
        {
            return;
        }

        spec["replicas"] ??= 1;
        spec["revisionHistoryLimit"] ??= 10;
        spec["progressDeadlineSeconds"] ??= 600;
        spec["strategy"] ??= new JsonObject { ["type"] = "RollingUpdate" };
        if (JsonTree.Str(spec["strategy"], "type") == "RollingUpdate")
        {
            spec["strategy"]!["rollingUpdate"] ??= new JsonObject { ["maxUnavailable"] = "25%", ["maxSurge"] = "25%" };
        }

        if (JsonTree.Get(spec, ["template", "spec"]) is JsonObject podSpec)
        {
            PodRules.Default(podSpec);
        }
    }

    public static void Validate(JsonObject obj, JsonObject? old, List<FieldError> errors)
    {
        var spec = obj["spec"] as JsonObject;
        if (spec?["selector"] is not JsonObject selector)
        {
            errors.Add(FieldError.Required("spec.selector"));
            return;
        }

        if (old is not null && !JsonNode.DeepEquals(old["spec"]?["selector"], selector))
        {
            errors.Add(FieldError.Invalid("spec.selector", (JsonNode?)selector.DeepClone(), "field is immutable"));
        }

        var before = errors.Count;
        MetadataRules.ValidateLabels(selector["matchLabels"] as JsonObject, "spec.selector.matchLabels", errors);
        var selectorValid = errors.Count == before;
        MetadataRules.ValidateLabels(JsonTree.Get(spec, ["template", "metadata", "labels"]) as JsonObject, "spec.template.metadata.labels", errors);
        MetadataRules.ValidateAnnotations(JsonTree.Get(spec, ["template", "metadata", "annotations"]) as JsonObject, "spec.template.metadata.annotations", errors);
        var template = new JsonObject { ["metadata"] = JsonTree.Get(spec, ["template", "metadata"])?.DeepClone() };
        // An invalid selector is already reported; it cannot be parsed for matching.
        if (selectorValid && !SelectorText.Matches(selector, template))
        {
            errors.Add(FieldError.Invalid("spec.template.metadata.labels", (JsonNode?)null, "`selector` does not match template `labels`"));
        }

        if (JsonTree.Long(spec["replicas"]) is < 0)
        {
            errors.Add(FieldError.Invalid("spec.replicas", spec["replicas"], "must be greater than or equal to 0"));
        }

        PodRules.Validate(JsonTree.Get(spec, ["template", "spec"]) as JsonObject, "spec.template.spec", errors);
    }
}
