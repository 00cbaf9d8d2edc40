using RolloutOperator.Controller.Caching;
using RolloutOperator.Core.Analysis;
using RolloutOperator.Core.Engine;

namespace RolloutOperator.Controller.Workloads;

/// <summary>The judge baselines a Rollout controls, found through the cache's owner index by their baseline label.</summary>
internal static class BaselineDeployments
{
    public static IReadOnlyList<BaselineObservation> Observe(RolloutCaches caches, Model.Rollout rollout) =>
        [.. caches.Deployments.ListByControllerUid(rollout.Metadata.Uid)
            .Where(d => d.Metadata.DeletionTimestamp is null)
            .Select(d => d.Metadata.Labels?.TryGetValue(JudgeBaseline.Label, out var stable) == true ? new BaselineObservation(stable, d.Spec?.Replicas ?? 1) : null)
            .OfType<BaselineObservation>()
            .OrderBy(b => b.StableRevision, StringComparer.Ordinal)];
}
