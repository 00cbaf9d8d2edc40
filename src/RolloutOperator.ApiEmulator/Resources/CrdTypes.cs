using System.Text.Json.Nodes;
using RolloutOperator.ApiEmulator.Json;

namespace RolloutOperator.ApiEmulator.Resources;

/// <summary>Turns an apiextensions.k8s.io/v1 CustomResourceDefinition into served resource types.</summary>
internal static class CrdTypes
{
    public static IReadOnlyList<ResourceType> FromCrd(JsonObject crd)
    {
        var spec = crd["spec"] as JsonObject;
        var names = spec?["names"] as JsonObject;
        var group = JsonTree.Str(spec, "group") ?? string.Empty;
        var plural = JsonTree.Str(names, "plural") ?? string.Empty;
        var kind = JsonTree.Str(names, "kind") ?? string.Empty;
        var namespaced = JsonTree.Str(spec, "scope") != "Cluster";
        var types = new List<ResourceType>();
        foreach (var version in JsonTree.Objects(spec?["versions"]))
        {
            if (version["served"] is JsonValue served && served.TryGetValue<bool>(out var isServed) && !isServed)
            {
                continue;
            }

            var subresources = version["subresources"] as JsonObject;
            types.Add(new ResourceType
            {
                Group = group,
                Version = JsonTree.Str(version, "name") ?? "v1",
                Plural = plural,
                Singular = JsonTree.Str(names, "singular") ?? kind.ToLowerInvariant(),
                Kind = kind,
                Namespaced = namespaced,
                ShortNames = Strings(names?["shortNames"]),
                Categories = Strings(names?["categories"]),
                HasStatus = subresources?["status"] is not null,
                Scale = ScaleOf(subresources?["scale"] as JsonObject),
                Schema = JsonTree.Get(version, ["schema", "openAPIV3Schema"]) as JsonObject,
                IsCustom = true,
            });
        }

        return types;
    }

    /// <summary>The status a real apiextensions server reports once names are accepted.</summary>
    public static JsonObject EstablishedStatus(JsonObject crd, string now)
    {
        var spec = crd["spec"] as JsonObject;
        var storage = JsonTree.Objects(spec?["versions"]).FirstOrDefault(v => v["storage"]?.GetValue<bool>() == true);
        return new JsonObject
        {
            ["acceptedNames"] = spec?["names"]?.DeepClone(),
            ["conditions"] = new JsonArray(
                Condition("NamesAccepted", "NoConflicts", "no conflicts found", now),
                Condition("Established", "InitialNamesAccepted", "the initial names have been accepted", now)),
            ["storedVersions"] = new JsonArray(JsonValue.Create(JsonTree.Str(storage, "name") ?? "v1")),
        };
    }

    /// <summary>Validation of the CRD object itself; returns field errors (empty when valid).</summary>
    public static IReadOnlyList<Schema.FieldError> Validate(JsonObject crd)
    {
        var errors = new List<Schema.FieldError>();
        var spec = crd["spec"] as JsonObject;
        var group = JsonTree.Str(spec, "group");
        var plural = JsonTree.Str(spec?["names"], "plural");
        Require(errors, group, "spec.group");
        Require(errors, plural, "spec.names.plural");
        Require(errors, JsonTree.Str(spec?["names"], "kind"), "spec.names.kind");
        if (group is not null && plural is not null && JsonTree.Name(crd) != $"{plural}.{group}")
        {
            errors.Add(Schema.FieldError.Invalid("metadata.name", JsonTree.Name(crd), "must be spec.names.plural+\".\"+spec.group"));
        }

        var versions = JsonTree.Objects(spec?["versions"]).ToList();
        if (versions.Count(v => v["storage"]?.GetValue<bool>() == true) != 1)
        {
            errors.Add(Schema.FieldError.Invalid("spec.versions", null, "must have exactly one version marked as storage version"));
        }

        return errors;
    }

    private static void Require(List<Schema.FieldError> errors, string? value, string field)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors.Add(Schema.FieldError.Required(field));
        }
    }

    private static JsonObject Condition(string type, string reason, string message, string now) => new()
    {
        ["type"] = type,
        ["status"] = "True",
        ["lastTransitionTime"] = now,
        ["reason"] = reason,
        ["message"] = message,
    };

    private static ScaleSpec? ScaleOf(JsonObject? scale) => scale is null
        ? null
        : new ScaleSpec(
            JsonTree.Str(scale, "specReplicasPath") ?? ".spec.replicas",
            JsonTree.Str(scale, "statusReplicasPath") ?? ".status.replicas",
            JsonTree.Str(scale, "labelSelectorPath"));

    private static List<string> Strings(JsonNode? node) =>
        node is JsonArray a ? a.Select(n => n?.GetValue<string>() ?? string.Empty).ToList() : [];
}
