using System.Text.Json.Nodes;
using RolloutOperator.ApiEmulator.Failures;
using RolloutOperator.ApiEmulator.Json;
using RolloutOperator.ApiEmulator.Resources;

namespace RolloutOperator.ApiEmulator.Api;

/// <summary>
/// Delete: preconditions, propagation finalizers (foregroundDeletion / orphan), graceful marking via
/// deletionTimestamp while finalizers remain, otherwise immediate removal. Callers hold the lock.
/// </summary>
internal static class DeleteOperation
{
    public static (int Code, JsonObject Body) Delete(ApiContext context, ResourceType type, string? ns, string name, DeleteOptions options)
    {
        var current = context.Store.Get(type.GroupResource, ns, name) ?? throw Errors.NotFound(type, name);
        CheckPreconditions(type, current, options, name);
        var finalizers = ObjectWriter.Finalizers(current);
        AddPropagationFinalizer(type, options.Propagation, finalizers);
        var terminating = type.Is(string.Empty, "namespaces");
        if (finalizers.Count == 0 && !terminating)
        {
            var deleted = options.DryRun ? current : context.Store.Remove(type.GroupResource, current);
            return (200, type.IsCustom ? ObjectView.Present(deleted, type) : Success(type, deleted));
        }

        if (current["metadata"]?["deletionTimestamp"] is not null && finalizers.SequenceEqual(ObjectWriter.Finalizers(current)))
        {
            return (200, ObjectView.Present(current, type));
        }

        var next = MarkDeleting(context, current, finalizers, terminating);
        var saved = options.DryRun ? next : context.Store.Save(type.GroupResource, next, current);
        return (200, ObjectView.Present(saved, type));
    }

    private static void CheckPreconditions(ResourceType type, JsonObject current, DeleteOptions options, string name)
    {
        if (options.PreconditionUid is { Length: > 0 } uid && uid != JsonTree.Uid(current))
        {
            throw Errors.Conflict(type, name, $"Precondition failed: UID in precondition: {uid}, UID in object meta: {JsonTree.Uid(current)}");
        }

        if (options.PreconditionRv is { Length: > 0 } rv && rv != JsonTree.Str(current["metadata"], "resourceVersion"))
        {
            throw Errors.Conflict(type, name, $"Precondition failed: ResourceVersion in precondition: {rv}, ResourceVersion in object meta: {JsonTree.Str(current["metadata"], "resourceVersion")}");
        }
    }

    private static void AddPropagationFinalizer(ResourceType type, string propagation, List<string> finalizers)
    {
        if (type.Is(string.Empty, "namespaces"))
        {
            return;
        }

        var wanted = propagation switch { "Foreground" => "foregroundDeletion", "Orphan" => "orphan", _ => null };
        if (wanted is not null && !finalizers.Contains(wanted))
        {
            finalizers.Add(wanted);
        }
    }

    private static JsonObject MarkDeleting(ApiContext context, JsonObject current, List<string> finalizers, bool terminatingNamespace)
    {
        var next = JsonTree.CloneObject(current);
        var meta = JsonTree.Metadata(next);
        if (finalizers.Count > 0)
        {
            meta["finalizers"] = new JsonArray(finalizers.Select(f => (JsonNode)JsonValue.Create(f)).ToArray());
        }

        if (meta["deletionTimestamp"] is null)
        {
            meta["deletionTimestamp"] = context.Now();
            meta["deletionGracePeriodSeconds"] = 0;
            meta["generation"] = (JsonTree.Long(meta["generation"]) ?? 0) + 1;
        }

        if (terminatingNamespace)
        {
            next["status"] = new JsonObject { ["phase"] = "Terminating" };
        }

        return next;
    }

    private static JsonObject Success(ResourceType type, JsonObject deleted) => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Success",
        ["details"] = new JsonObject
        {
            ["name"] = JsonTree.Name(deleted),
            ["group"] = type.Group,
            ["kind"] = type.Plural,
            ["uid"] = JsonTree.Uid(deleted),
        },
    };
}
