using System.Text;
using System.Text.Json.Nodes;
using RolloutOperator.ApiEmulator.Json;
using RolloutOperator.ApiEmulator.Resources;
using RolloutOperator.ApiEmulator.Schema;

namespace RolloutOperator.ApiEmulator.Api;

/// <summary>Per-kind defaulting and validation for built-in resources.</summary>
internal static class BuiltInRules
{
    public static void Default(ResourceType type, JsonObject obj, JsonObject? old)
    {
        switch (type.GroupResource)
        {
            case "deployments.apps" or "replicasets.apps" or "statefulsets.apps":
                WorkloadRules.Default(obj);
                break;
            case "services":
                ServiceRules.Default(obj, old);
                break;
            case "namespaces":
                DefaultNamespace(obj);
                break;
            case "secrets":
                FoldStringData(obj);
                break;
        }
    }

    public static void Validate(ResourceType type, JsonObject obj, JsonObject? old, List<FieldError> errors)
    {
        switch (type.GroupResource)
        {
            case "deployments.apps" or "replicasets.apps" or "statefulsets.apps":
                WorkloadRules.Validate(obj, old, errors);
                break;
            case "services":
                ServiceRules.Validate(obj, errors);
                break;
            case "events.events.k8s.io":
                EventRules.Validate(obj, old, errors);
                break;
            case "events":
                EventRules.CheckMicroTime(obj, ["eventTime"], errors);
                break;
            case "leases.coordination.k8s.io":
                EventRules.CheckMicroTime(obj, ["spec", "acquireTime"], errors);
                EventRules.CheckMicroTime(obj, ["spec", "renewTime"], errors);
                break;
            case "customresourcedefinitions.apiextensions.k8s.io":
                errors.AddRange(CrdTypes.Validate(obj));
                break;
        }
    }

    private static void DefaultNamespace(JsonObject obj)
    {
        // The real server labels every namespace with its own name.
        var meta = JsonTree.Metadata(obj);
        var labels = meta["labels"] as JsonObject ?? [];
        labels["kubernetes.io/metadata.name"] = JsonTree.Name(obj);
        meta["labels"] = labels;
        obj["spec"] ??= new JsonObject { ["finalizers"] = new JsonArray("kubernetes") };
        obj["status"] ??= new JsonObject { ["phase"] = "Active" };
    }

    /// <summary>stringData is write-only: the server folds it into base64 data.</summary>
    private static void FoldStringData(JsonObject obj)
    {
        if (obj["stringData"] is not JsonObject stringData)
        {
            return;
        }

        var data = obj["data"] as JsonObject ?? [];
        foreach (var (key, value) in stringData)
        {
            data[key] = Convert.ToBase64String(Encoding.UTF8.GetBytes(value?.ToString() ?? string.Empty));
        }

        obj["data"] = data;
        obj.Remove("stringData");
        obj["type"] ??= "Opaque";
    }
}
