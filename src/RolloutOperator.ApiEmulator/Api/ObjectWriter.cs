using System.Text.Json.Nodes;
using RolloutOperator.ApiEmulator.Failures;
using RolloutOperator.ApiEmulator.Json;
using RolloutOperator.ApiEmulator.Patching;
using RolloutOperator.ApiEmulator.Resources;

namespace RolloutOperator.ApiEmulator.Api;

/// <summary>
/// The create and update admission pipeline: system metadata, status-subresource separation,
/// defaulting/pruning/validation, generation, managedFields, no-op detection, then commit.
/// Callers hold the store lock.
/// </summary>
internal sealed class ObjectWriter(ApiContext context)
{
    private const string NameChars = "bcdfghjklmnpqrstvwxz2456789";

    public JsonObject Create(ResourceType type, string? ns, JsonObject obj, WriteOptions options, bool managedFieldsDone = false)
    {
        TypeMeta.Check(type, obj);
        var meta = JsonTree.Metadata(obj);
        ScopeNamespace(type, ns, meta);
        if (!string.IsNullOrEmpty(JsonTree.Str(meta, "resourceVersion")))
        {
            // kube-apiserver's storage layer refuses this with an internal error.
            throw Errors.Internal("resourceVersion should not be set on objects to be created");
        }

        var name = AssignName(type, meta);
        lock (context.Store.Gate)
        {
            NamespaceGuard.EnsureWritable(context, type, ns);
            if (context.Store.Get(type.GroupResource, ns, name) is not null)
            {
                throw Errors.AlreadyExists(type, name);
            }

            StampNew(type, obj, meta);
            ObjectNormalizer.Normalize(type, obj, null);
            ObjectNormalizer.Validate(type, obj, null, name);
            if (!managedFieldsDone)
            {
                ManagedFieldsTracker.RecordUpdate(null, obj, Owner(type, options, string.Empty));
            }

            return options.DryRun ? ObjectView.Present(obj, type) : ObjectView.Present(context.Store.Save(type.GroupResource, obj, null), type);
        }
    }

    /// <summary>Replaces current with desired as seen through the main resource or a subresource.</summary>
    public JsonObject Update(ResourceType type, JsonObject current, JsonObject desired, string subresource, WriteOptions options, bool managedFieldsDone = false)
    {
        TypeMeta.Check(type, desired);
        var name = JsonTree.Name(current)!;
        CheckIdentity(type, current, desired, name);
        var next = subresource == "status" ? OnlyStatus(current, desired) : WithoutStatusChanges(type, current, desired);
        CarrySystemFields(current, next);
        CheckFinalizers(type, current, next, name);
        ObjectNormalizer.Normalize(type, next, current);
        ObjectNormalizer.Validate(type, next, current, name);
        BumpGeneration(type, current, next);
        if (!managedFieldsDone)
        {
            if (JsonTree.Metadata(desired)["managedFields"] is not JsonArray { Count: > 0 })
            {
                JsonTree.Metadata(next)["managedFields"] = current["metadata"]?["managedFields"]?.DeepClone();
            }

            ManagedFieldsTracker.RecordUpdate(current, next, Owner(type, options, subresource));
        }

        if (IsNoOp(current, next) || options.DryRun)
        {
            return ObjectView.Present(options.DryRun ? next : current, type);
        }

        if (current["metadata"]?["deletionTimestamp"] is not null && Finalizers(next).Count == 0)
        {
            return ObjectView.Present(context.Store.Remove(type.GroupResource, next), type);
        }

        return ObjectView.Present(context.Store.Save(type.GroupResource, next, current), type);
    }

    public FieldOwner Owner(ResourceType type, WriteOptions options, string subresource) =>
        new(options.Manager, type.ApiVersion, subresource, context.Now());

    public static List<string> Finalizers(JsonObject obj) =>
        (obj["metadata"]?["finalizers"] as JsonArray ?? []).Select(f => f?.ToString() ?? string.Empty).ToList();

    private static void ScopeNamespace(ResourceType type, string? ns, JsonObject meta)
    {
        var given = JsonTree.Str(meta, "namespace");
        if (!type.Namespaced)
        {
            meta.Remove("namespace");
            return;
        }

        if (!string.IsNullOrEmpty(given) && given != ns)
        {
            throw Errors.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }

        meta["namespace"] = ns;
    }

    private static string AssignName(ResourceType type, JsonObject meta)
    {
        var name = JsonTree.Str(meta, "name");
        var generateName = JsonTree.Str(meta, "generateName");
        if (string.IsNullOrEmpty(name) && !string.IsNullOrEmpty(generateName))
        {
            // The server keeps at most 58 characters of the prefix so that the name fits a 63-character label.
            var stem = generateName.Length > Validation.NameRules.MaxGeneratedBase ? generateName[..Validation.NameRules.MaxGeneratedBase] : generateName;
            name = stem + new string(Enumerable.Range(0, 5).Select(_ => NameChars[Random.Shared.Next(NameChars.Length)]).ToArray());
            meta["name"] = name;
        }

        return string.IsNullOrEmpty(name)
            ? throw Errors.Invalid(type, string.Empty, [Schema.FieldError.Required("metadata.name", "name or generateName is required")])
            : name;
    }

    private void StampNew(ResourceType type, JsonObject obj, JsonObject meta)
    {
        meta["uid"] = Guid.NewGuid().ToString();
        meta["creationTimestamp"] = context.Now();
        meta["generation"] = 1;
        meta.Remove("deletionTimestamp");
        meta.Remove("deletionGracePeriodSeconds");
        meta.Remove("selfLink");
        if (type.HasStatus)
        {
            // Status is owned by controllers: create ignores it when /status exists.
            obj.Remove("status");
        }
    }

    private static void CheckIdentity(ResourceType type, JsonObject current, JsonObject desired, string name)
    {
        var meta = JsonTree.Metadata(desired);
        var givenName = JsonTree.Str(meta, "name");
        if (!string.IsNullOrEmpty(givenName) && givenName != name)
        {
            throw Errors.BadRequest($"the name of the object ({givenName}) does not match the name on the URL ({name})");
        }

        var givenNs = JsonTree.Str(meta, "namespace");
        if (type.Namespaced && !string.IsNullOrEmpty(givenNs) && givenNs != JsonTree.Namespace(current))
        {
            throw Errors.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }

        var rv = JsonTree.Str(meta, "resourceVersion");
        if (!string.IsNullOrEmpty(rv) && rv != JsonTree.Str(current["metadata"], "resourceVersion"))
        {
            throw Errors.Conflict(type, name);
        }

        var uid = JsonTree.Str(meta, "uid");
        if (!string.IsNullOrEmpty(uid) && uid != JsonTree.Uid(current))
        {
            throw Errors.Conflict(type, name, $"Precondition failed: UID in precondition: {uid}, UID in object meta: {JsonTree.Uid(current)}");
        }
    }

    private static JsonObject OnlyStatus(JsonObject current, JsonObject desired)
    {
        var next = JsonTree.CloneObject(current);
        if (desired["status"] is { } status)
        {
            next["status"] = status.DeepClone();
        }
        else
        {
            next.Remove("status");
        }

        JsonTree.Metadata(next)["managedFields"] = desired["metadata"]?["managedFields"]?.DeepClone();
        return next;
    }

    private static JsonObject WithoutStatusChanges(ResourceType type, JsonObject current, JsonObject desired)
    {
        var next = JsonTree.CloneObject(desired);
        if (type.HasStatus)
        {
            next.Remove("status");
            if (current["status"] is { } status)
            {
                next["status"] = status.DeepClone();
            }
        }

        return next;
    }

    private static void CarrySystemFields(JsonObject current, JsonObject next)
    {
        var from = (JsonObject)current["metadata"]!;
        var to = JsonTree.Metadata(next);
        foreach (var key in new[] { "name", "namespace", "uid", "creationTimestamp", "generation", "deletionTimestamp", "deletionGracePeriodSeconds", "resourceVersion" })
        {
            to[key] = from[key]?.DeepClone();
            if (to[key] is null)
            {
                to.Remove(key);
            }
        }
    }

    private static void CheckFinalizers(ResourceType type, JsonObject current, JsonObject next, string name)
    {
        if (current["metadata"]?["deletionTimestamp"] is null)
        {
            return;
        }

        var added = Finalizers(next).Except(Finalizers(current)).ToList();
        if (added.Count > 0)
        {
            throw Errors.Invalid(type, name, [Schema.FieldError.Forbidden("metadata.finalizers", $"no new finalizers can be added if the object is being deleted, found new finalizers {string.Join(", ", added)}")]);
        }
    }

    private static void BumpGeneration(ResourceType type, JsonObject current, JsonObject next)
    {
        string[] ignored = type.HasStatus ? ["metadata", "status"] : ["metadata"];
        if (!JsonTree.Equal(JsonTree.Without(current, ignored), JsonTree.Without(next, ignored)))
        {
            JsonTree.Metadata(next)["generation"] = (JsonTree.Long(current["metadata"]?["generation"]) ?? 0) + 1;
        }
    }

    private static bool IsNoOp(JsonObject current, JsonObject next)
    {
        static JsonObject Comparable(JsonObject o)
        {
            var copy = JsonTree.CloneObject(o);
            var meta = JsonTree.Metadata(copy);
            meta.Remove("resourceVersion");
            // Ownership changes are real changes, a refreshed timestamp alone is not.
            foreach (var entry in JsonTree.Objects(meta["managedFields"]))
            {
                entry.Remove("time");
            }

            return copy;
        }

        return JsonTree.Equal(Comparable(current), Comparable(next));
    }
}
