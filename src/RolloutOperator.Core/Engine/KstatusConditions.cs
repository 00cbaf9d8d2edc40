using RolloutOperator.Core.Api;

namespace RolloutOperator.Core.Engine;

/// <summary>
/// The two abnormal-true conditions kstatus reads (and with it Flux health checks and <c>wait</c>): once
/// status.observedGeneration matches metadata.generation, the first of them that is True decides — <c>Reconciling</c>
/// means in progress, <c>Stalled</c> means failed — and with neither True the object is Current. kstatus does not read
/// Ready for custom resources, so without these a Rollout looked Current in the middle of a canary. At most one is True.
/// </summary>
internal static class KstatusConditions
{
    public static void Set(ConditionSet set, RolloutPhase phase, string reason, string message)
    {
        // A paused rollout has not reached its spec either: a health check must keep waiting, not call it done.
        var reconciling = phase is RolloutPhase.Progressing or RolloutPhase.Paused;
        var stalled = phase == RolloutPhase.Degraded;
        set.Set(ConditionTypes.Reconciling, reconciling ? ConditionStatus.True : ConditionStatus.False, reconciling ? reason : "NotReconciling", reconciling ? message : "");
        set.Set(ConditionTypes.Stalled, stalled ? ConditionStatus.True : ConditionStatus.False, stalled ? reason : "NotStalled", stalled ? message : "");
    }
}
