using System.Text.Json.Nodes;
using RolloutOperator.ApiEmulator.Failures;
using RolloutOperator.ApiEmulator.Json;
using RolloutOperator.ApiEmulator.Patching;
using RolloutOperator.ApiEmulator.Resources;

namespace RolloutOperator.ApiEmulator.Api;

/// <summary>PATCH dispatch by content type, for the main resource, /status and /scale. Callers hold the lock.</summary>
internal static class PatchOperation
{
    public const string Apply = "application/apply-patch+yaml";
    public const string Merge = "application/merge-patch+json";
    public const string Json = "application/json-patch+json";
    public const string Strategic = "application/strategic-merge-patch+json";

    public static JsonObject Patch(ApiContext context, ObjectWriter writer, ResourceType type, string? ns, string name, string contentType, string body, string subresource, WriteOptions options)
    {
        if (contentType == Apply && subresource != "scale")
        {
            return ApplyOperation.Apply(context, writer, type, ns, name, body, subresource, options);
        }

        var transform = Transform(type, contentType, body);
        var current = context.Store.Get(type.GroupResource, ns, name) ?? throw Errors.NotFound(type, name);
        if (subresource == "scale")
        {
            var scale = type.Scale ?? throw Errors.UnknownResource();
            var patchedScale = transform(ScaleView.Of(current, scale));
            var result = writer.Update(type, current, ScaleView.Apply(current, scale, patchedScale), string.Empty, options);
            return ScaleView.Of(result, scale);
        }

        var desired = transform(JsonTree.CloneObject(current));
        return writer.Update(type, current, desired, subresource, options);
    }

    private static Func<JsonObject, JsonObject> Transform(ResourceType type, string contentType, string body)
    {
        switch (contentType)
        {
            case Merge:
                var merge = PatchBody.Parse(body, allowYaml: false);
                return target => MergePatch.Apply(target, merge) as JsonObject ?? throw Errors.BadRequest("merge patch must be an object");
            case Strategic when !type.IsCustom:
                var strategic = PatchBody.Parse(body, allowYaml: false);
                return target => StrategicMergePatch.Apply(target, strategic) as JsonObject ?? throw Errors.BadRequest("patch must be an object");
            case Json:
                var operations = PatchBody.Parse(body, allowYaml: false) as JsonArray ?? throw Errors.BadRequest("json patch must be an array of operations");
                return target => Guard(() => JsonPatch.Apply(target, operations));
            default:
                throw Errors.UnsupportedMediaType(contentType);
        }
    }

    private static JsonObject Guard(Func<JsonObject> apply)
    {
        try
        {
            return apply();
        }
        catch (PatchException e)
        {
            throw new ApiException(422, "Invalid", $"the server rejected our request due to an error in our request: {e.Message}");
        }
    }
}
