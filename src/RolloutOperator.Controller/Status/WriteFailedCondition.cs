using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;

namespace RolloutOperator.Controller.Status;

/// <summary>
/// <c>Degraded=True</c> with reason <c>WriteFailed</c> and the API's message, written over the last decided status when
/// the API server refuses one of the operator's writes. The next decision that is carried out recomputes Degraded, so
/// the condition clears by itself once the write goes through.
/// </summary>
internal static class WriteFailedCondition
{
    public const string Reason = "WriteFailed";

    public static RolloutStatus Apply(RolloutStatus status, string message, long generation, DateTimeOffset now)
    {
        var conditions = status.Conditions?.ToList() ?? [];
        var index = conditions.FindIndex(c => c.Type == ConditionTypes.Degraded);
        var old = index >= 0 ? conditions[index] : null;
        var condition = new Condition
        {
            Type = ConditionTypes.Degraded,
            Status = ConditionStatus.True,
            ObservedGeneration = generation,
            LastTransitionTime = old is { Status: ConditionStatus.True } ? old.LastTransitionTime : KubeTime.Truncate(now),
            Reason = Reason,
            Message = message,
        };
        if (index >= 0)
        {
            conditions[index] = condition;
        }
        else
        {
            conditions.Add(condition);
        }

        return status with { Conditions = conditions };
    }
}
