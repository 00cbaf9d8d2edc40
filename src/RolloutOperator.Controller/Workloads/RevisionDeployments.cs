using k8s.Models;
using RolloutOperator.Controller.Caching;
using RolloutOperator.Core.Analysis;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;
using RolloutOperator.Model;

namespace RolloutOperator.Controller.Workloads;

/// <summary>The revision Deployments a Rollout controls, found through the cache's owner index.</summary>
internal static class RevisionDeployments
{
    public static IReadOnlyDictionary<string, V1Deployment> Owned(RolloutCaches caches, Rollout rollout)
    {
        var byRevision = new Dictionary<string, V1Deployment>(StringComparer.Ordinal);
        foreach (var deployment in caches.Deployments.ListByControllerUid(rollout.Metadata.Uid))
        {
            // A judge's baseline runs the stable template beside the canary but is no revision: see BaselineDeployments.
            if (deployment.Metadata.Labels?.TryGetValue(ApiGroup.RevisionLabel, out var revision) == true
                && deployment.Metadata.DeletionTimestamp is null
                && deployment.Metadata.Labels?.ContainsKey(JudgeBaseline.Label) != true)
            {
                byRevision[revision] = deployment;
            }
        }

        return byRevision;
    }

    /// <summary>
    /// Replica counts only count once the Deployment controller has seen the current spec: before that, ready and
    /// available describe the previous scale and would let a step advance on pods that are not there yet.
    /// </summary>
    public static RevisionObservation Observe(V1Deployment deployment)
    {
        var desired = deployment.Spec?.Replicas ?? 1;
        var status = deployment.Status;
        var current = status is not null && status.ObservedGeneration == deployment.Metadata.Generation;
        return new RevisionObservation(
            desired,
            current ? status!.ReadyReplicas ?? 0 : 0,
            current ? status!.AvailableReplicas ?? 0 : 0,
            deployment.Metadata.CreationTimestamp is { } created ? new DateTimeOffset(DateTime.SpecifyKind(created, DateTimeKind.Utc)) : DateTimeOffset.MinValue);
    }
}
