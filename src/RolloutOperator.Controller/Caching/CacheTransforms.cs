using k8s.Models;
using RolloutOperator.Model;

namespace RolloutOperator.Controller.Caching;

/// <summary>
/// What each informer keeps of an object before it enters the shared cache. Each transform builds a new object that
/// shares the parts it keeps with its input and never changes the input. What the controller reads, and so keeps:
/// <list type="bullet">
/// <item>Deployments (revision and workloadRef): all metadata but managedFields and the last-applied annotation (labels,
/// owner references, generation, creation and deletion time), the whole spec (replicas, selector, minReadySeconds, and
/// the pod template an older revision is rescaled with and a workloadRef Rollout is built from), and the replica counts of
/// the status with observedGeneration. Status conditions and collisionCount are dropped.</item>
/// <item>Services: metadata as for Deployments, the whole spec (selector, ports). The status (load-balancer ingress) is
/// dropped.</item>
/// <item>Rollouts and AnalysisTemplates: everything but managedFields (annotations carry commands and may be read by
/// analysis arguments).</item>
/// </list>
/// </summary>
internal static class CacheTransforms
{
    public static V1Deployment Deployment(V1Deployment deployment) => new()
    {
        ApiVersion = deployment.ApiVersion,
        Kind = deployment.Kind,
        Metadata = CachedMetadata.WithoutApplyBookkeeping(deployment.Metadata),
        Spec = deployment.Spec,
        Status = deployment.Status is { } status
            ? new V1DeploymentStatus
            {
                ObservedGeneration = status.ObservedGeneration,
                Replicas = status.Replicas,
                UpdatedReplicas = status.UpdatedReplicas,
                ReadyReplicas = status.ReadyReplicas,
                AvailableReplicas = status.AvailableReplicas,
                UnavailableReplicas = status.UnavailableReplicas,
            }
            : null,
    };

    /// <summary>
    /// A Deployment named by a workloadRef, as read whole (only ever read for its pod template, selector and replicas):
    /// as <see cref="Deployment"/> but without status, which nothing reads and which changes far more often than the spec.
    /// </summary>
    public static V1Deployment Workload(V1Deployment deployment) => new()
    {
        ApiVersion = deployment.ApiVersion,
        Kind = deployment.Kind,
        Metadata = CachedMetadata.WithoutApplyBookkeeping(deployment.Metadata),
        Spec = deployment.Spec,
    };

    /// <summary>
    /// An entry of the metadata-only workload watch: only what keys, versions and indexes it (namespace, name, uid,
    /// resourceVersion, owner references) and the deletion time. Its labels and annotations are read by no one: the watch
    /// only tells which Deployments exist and when one changed; the referenced ones are read whole
    /// (<see cref="ReferencedWorkloads"/>, through <see cref="Workload"/>).
    /// </summary>
    public static V1Deployment WorkloadMetadata(V1Deployment deployment) => new()
    {
        ApiVersion = deployment.ApiVersion,
        Kind = deployment.Kind,
        Metadata = deployment.Metadata is { } metadata
            ? new V1ObjectMeta
            {
                Name = metadata.Name,
                NamespaceProperty = metadata.NamespaceProperty,
                Uid = metadata.Uid,
                ResourceVersion = metadata.ResourceVersion,
                OwnerReferences = metadata.OwnerReferences,
                DeletionTimestamp = metadata.DeletionTimestamp,
            }
            : new V1ObjectMeta(),
    };

    public static V1Service Service(V1Service service) => new()
    {
        ApiVersion = service.ApiVersion,
        Kind = service.Kind,
        Metadata = CachedMetadata.WithoutApplyBookkeeping(service.Metadata),
        Spec = service.Spec,
    };

    public static Rollout Rollout(Rollout rollout) => new()
    {
        ApiVersion = rollout.ApiVersion,
        Kind = rollout.Kind,
        Metadata = CachedMetadata.WithoutManagedFields(rollout.Metadata),
        Spec = rollout.Spec,
        Status = rollout.Status,
    };

    public static AnalysisTemplate AnalysisTemplate(AnalysisTemplate template) => new()
    {
        ApiVersion = template.ApiVersion,
        Kind = template.Kind,
        Metadata = CachedMetadata.WithoutManagedFields(template.Metadata),
        Spec = template.Spec,
    };
}
