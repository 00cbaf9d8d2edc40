using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;

namespace RolloutOperator.Controller.Status;

/// <summary>
/// <c>Degraded=True</c> with reason <c>WriteFailed</c> and the API's message, written over the last decided status when
/// the API server refuses one of the operator's writes. The next decision that is carried out recomputes Degraded, so
/// the condition clears by itself once the write goes through. When that last decided status is older than the spec
/// (observedGeneration lags metadata.generation), <c>Reconciling=True</c> says so too: the spec is not rolled out yet,
/// and readers of conditions alone (not only kstatus, which also compares the generations) must not see it as done.
/// </summary>
internal static class WriteFailedCondition
{
    public const string Reason = "WriteFailed";

    public const string GenerationNotObserved = "LatestGenerationNotObserved";

    public static RolloutStatus Apply(RolloutStatus status, string message, long generation, DateTimeOffset now, long? specGeneration = null)
    {
        var conditions = status.Conditions?.ToList() ?? [];
        Put(conditions, ConditionTypes.Degraded, Reason, message, generation, now);
        if (specGeneration is { } spec && spec > (status.ObservedGeneration ?? 0))
        {
            Put(conditions, ConditionTypes.Reconciling, GenerationNotObserved, $"generation {spec} is not rolled out yet: {message}", generation, now);
        }

        return status with { Conditions = conditions };
    }

    private static void Put(List<Condition> conditions, string type, string reason, string message, long generation, DateTimeOffset now)
    {
        var index = conditions.FindIndex(c => c.Type == type);
        var old = index >= 0 ? conditions[index] : null;
        var condition = new Condition
        {
            Type = type,
            Status = ConditionStatus.True,
            ObservedGeneration = generation,
            LastTransitionTime = old is { Status: ConditionStatus.True } ? old.LastTransitionTime : KubeTime.Truncate(now),
            Reason = reason,
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
    }
}
