using k8s.Models;

namespace RolloutOperator.Controller.Caching;

/// <summary>
/// The metadata a cached object keeps: everything but <c>managedFields</c> (field-ownership bookkeeping that is often
/// larger than the object itself and that no cache reader looks at). Always a new instance, so the input is untouched.
/// </summary>
internal static class CachedMetadata
{
    /// <summary>kubectl's client-side-apply record: a full JSON copy of the object as last applied.</summary>
    public const string LastAppliedAnnotation = "kubectl.kubernetes.io/last-applied-configuration";

    public static V1ObjectMeta WithoutManagedFields(V1ObjectMeta? metadata) => Copy(metadata, metadata?.Annotations);

    /// <summary>
    /// Also drops the last-applied annotation: only for kinds whose annotations no reader looks at (Deployments,
    /// Services). Rollout annotations stay whole, since an analysis argument may name any of them.
    /// </summary>
    public static V1ObjectMeta WithoutApplyBookkeeping(V1ObjectMeta? metadata) =>
        Copy(metadata, metadata?.Annotations is { } annotations && annotations.ContainsKey(LastAppliedAnnotation)
            ? annotations.Where(a => a.Key != LastAppliedAnnotation).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal)
            : metadata?.Annotations);

    private static V1ObjectMeta Copy(V1ObjectMeta? metadata, IDictionary<string, string>? annotations) =>
        metadata is null
            ? new V1ObjectMeta()
            : new V1ObjectMeta
            {
                Annotations = annotations is { Count: > 0 } ? annotations : null,
                CreationTimestamp = metadata.CreationTimestamp,
                DeletionGracePeriodSeconds = metadata.DeletionGracePeriodSeconds,
                DeletionTimestamp = metadata.DeletionTimestamp,
                Finalizers = metadata.Finalizers,
                GenerateName = metadata.GenerateName,
                Generation = metadata.Generation,
                Labels = metadata.Labels,
                Name = metadata.Name,
                NamespaceProperty = metadata.NamespaceProperty,
                OwnerReferences = metadata.OwnerReferences,
                ResourceVersion = metadata.ResourceVersion,
                SelfLink = metadata.SelfLink,
                Uid = metadata.Uid,
            };
}
