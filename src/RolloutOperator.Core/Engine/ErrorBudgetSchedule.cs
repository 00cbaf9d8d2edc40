using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Engine;

/// <summary>When the error budget is measured: at most once per the policy's interval, whatever the reconcile rate.</summary>
public static class ErrorBudgetSchedule
{
    public static bool IsDue(RolloutPlan plan, RolloutStatus status, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(status);
        return plan.ErrorBudget is { } policy && NextDue(policy, status.ErrorBudget) <= now;
    }

    public static DateTimeOffset NextDue(ErrorBudgetPlan policy, ErrorBudgetStatus? status)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return status?.MeasuredAt is { } at ? KubeTime.After(at, policy.Interval) : DateTimeOffset.MinValue;
    }
}
