using RolloutOperator.ApiEmulator.Failures;
using RolloutOperator.ApiEmulator.Json;
using RolloutOperator.ApiEmulator.Resources;

namespace RolloutOperator.ApiEmulator.Api;

/// <summary>Creating namespaced objects needs an existing, non-terminating namespace (NamespaceLifecycle admission).</summary>
internal static class NamespaceGuard
{
    public static void EnsureWritable(ApiContext context, ResourceType type, string? ns)
    {
        if (!type.Namespaced)
        {
            return;
        }

        var namespaceObject = context.Store.Get("namespaces", null, ns ?? string.Empty) ?? throw Errors.NamespaceNotFound(ns ?? string.Empty);
        if (namespaceObject["metadata"]?["deletionTimestamp"] is not null)
        {
            throw Errors.Forbidden(type, JsonTree.Name(namespaceObject)!, $"unable to create new content in namespace {ns} because it is being terminated");
        }
    }
}
