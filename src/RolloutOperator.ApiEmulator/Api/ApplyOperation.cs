using System.Text.Json.Nodes;
using RolloutOperator.ApiEmulator.Failures;
using RolloutOperator.ApiEmulator.Json;
using RolloutOperator.ApiEmulator.Patching;
using RolloutOperator.ApiEmulator.Resources;

namespace RolloutOperator.ApiEmulator.Api;

/// <summary>PATCH with application/apply-patch+yaml: server-side apply, creating the object if missing.</summary>
internal static class ApplyOperation
{
    public static JsonObject Apply(ApiContext context, ObjectWriter writer, ResourceType type, string? ns, string name, string body, string subresource, WriteOptions options)
    {
        var config = PatchBody.ParseApplyConfiguration(body, options.StrictFields);
        if (string.IsNullOrEmpty(JsonTree.Str(config, "apiVersion")) || string.IsNullOrEmpty(JsonTree.Str(config, "kind")))
        {
            throw Errors.BadRequest("apply configurations must set apiVersion and kind");
        }

        TypeMeta.Check(type, config);
        var meta = JsonTree.Metadata(config);
        meta["name"] ??= name;
        meta.Remove("managedFields");
        ScopeToSubresource(type, config, subresource);
        var owner = writer.Owner(type, options, subresource);
        var current = context.Store.Get(type.GroupResource, ns, name);
        if (current is null)
        {
            if (subresource.Length > 0)
            {
                throw Errors.NotFound(type, name);
            }

            var created = ServerSideApply.Apply(null, config, owner, options.Force, out _);
            return writer.Create(type, ns, created, options, managedFieldsDone: true);
        }

        var merged = ServerSideApply.Apply(current, config, owner, options.Force, out var conflicts);
        if (conflicts.Count > 0 && !options.Force)
        {
            throw ConflictError(type, name, conflicts);
        }

        return writer.Update(type, current, merged, subresource, options, managedFieldsDone: true);
    }

    private static void ScopeToSubresource(ResourceType type, JsonObject config, string subresource)
    {
        if (!type.HasStatus)
        {
            return;
        }

        if (subresource.Length == 0)
        {
            config.Remove("status");
            return;
        }

        foreach (var key in config.Select(p => p.Key).Where(k => k is not ("apiVersion" or "kind" or "metadata" or "status")).ToList())
        {
            config.Remove(key);
        }
    }

    private static ApiException ConflictError(ResourceType type, string name, IReadOnlyList<ApplyConflict> conflicts)
    {
        var causes = new JsonArray(conflicts.Select(c => (JsonNode)new JsonObject
        {
            ["reason"] = "FieldManagerConflict",
            ["message"] = $"conflict with \"{c.Manager}\" using {c.ApiVersion}",
            ["field"] = FieldPaths.Display(c.Path),
        }).ToArray());
        var lines = string.Join("\n", conflicts.Select(c => $"- conflict with \"{c.Manager}\" using {c.ApiVersion}: {FieldPaths.Display(c.Path)}"));
        var plural = conflicts.Count == 1 ? "conflict" : "conflicts";
        return new ApiException(409, "Conflict", $"Apply failed with {conflicts.Count} {plural}: {lines}",
            new JsonObject { ["name"] = name, ["group"] = type.Group, ["kind"] = type.Plural, ["causes"] = causes });
    }
}
