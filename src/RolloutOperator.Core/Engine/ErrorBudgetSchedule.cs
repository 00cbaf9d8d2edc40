using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Engine;

/// <summary>
/// When the error budget is measured: once per the policy's interval, whatever the reconcile rate, and once more when a
/// new revision first appears, so the decision to hold it never rests on a reading older than the revision.
/// </summary>
public static class ErrorBudgetSchedule
{
    public static bool IsDue(RolloutPlan plan, RolloutStatus status, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(status);
        var newRevision = status.StableRevision is not null && plan.Revision != status.StableRevision && plan.Revision != status.CanaryRevision;
        return plan.ErrorBudget is { } policy && (newRevision || NextDue(policy, status.ErrorBudget) <= now);
    }

    public static DateTimeOffset NextDue(ErrorBudgetPlan policy, ErrorBudgetStatus? status)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return status?.MeasuredAt is { } at ? KubeTime.After(at, policy.Interval) : DateTimeOffset.MinValue;
    }
}
