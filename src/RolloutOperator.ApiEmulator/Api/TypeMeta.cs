using System.Text.Json.Nodes;
using RolloutOperator.ApiEmulator.Failures;
using RolloutOperator.ApiEmulator.Json;
using RolloutOperator.ApiEmulator.Resources;

namespace RolloutOperator.ApiEmulator.Api;

/// <summary>apiVersion/kind of a request body must match the endpoint; missing ones are filled in.</summary>
internal static class TypeMeta
{
    public static void Check(ResourceType type, JsonObject obj)
    {
        var apiVersion = JsonTree.Str(obj, "apiVersion");
        var kind = JsonTree.Str(obj, "kind");
        if (!string.IsNullOrEmpty(kind) && kind != type.Kind)
        {
            throw Errors.BadRequest($"the kind in the data ({kind}) does not match the expected kind ({type.Kind})");
        }

        if (!string.IsNullOrEmpty(apiVersion) && apiVersion != type.ApiVersion)
        {
            throw Errors.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({type.ApiVersion})");
        }

        obj["apiVersion"] = type.ApiVersion;
        obj["kind"] = type.Kind;
    }
}
