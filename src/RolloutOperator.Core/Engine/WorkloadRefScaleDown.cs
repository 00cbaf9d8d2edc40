using RolloutOperator.Core.Api;

namespace RolloutOperator.Core.Engine;

/// <summary>
/// How many replicas the Deployment named by spec.workloadRef should have, given its scaleDown mode. The result is only
/// ever used to scale it down: the operator never grows a Deployment it does not own.
/// </summary>
public static class WorkloadRefScaleDown
{
    public static int Target(WorkloadScaleDown mode, int replicas, RolloutStatus status, RolloutObservation observation, int current) => mode switch
    {
        WorkloadScaleDown.OnSuccess => status.Phase == RolloutPhase.Healthy ? 0 : current,

        // One pod of the referenced Deployment goes for every available pod of the Rollout's stable revision, so the two
        // together never serve with fewer than spec.replicas available pods.
        WorkloadScaleDown.Progressively => Math.Min(current, Math.Max(0, replicas - Available(status.StableRevision, observation))),
        _ => current,
    };

    private static int Available(string? revision, RolloutObservation observation) =>
        revision is not null && observation.Revisions.TryGetValue(revision, out var observed) ? observed.Available : 0;
}
