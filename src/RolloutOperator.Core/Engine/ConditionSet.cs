using RolloutOperator.Core.Api;

namespace RolloutOperator.Core.Engine;

/// <summary>Sets conditions the metav1 way: the transition time moves only when the status value changes.</summary>
internal sealed class ConditionSet(IReadOnlyList<Condition>? previous, long generation, DateTimeOffset now)
{
    private readonly List<Condition> _conditions = [.. previous ?? []];

    public bool IsFirstVisit { get; } = previous is null || previous.Count == 0;

    public void Set(string type, ConditionStatus status, string reason, string message)
    {
        var index = _conditions.FindIndex(c => c.Type == type);
        var old = index >= 0 ? _conditions[index] : null;
        var condition = new Condition
        {
            Type = type,
            Status = status,
            ObservedGeneration = generation,
            LastTransitionTime = old is not null && old.Status == status ? old.LastTransitionTime : KubeTime.Truncate(now),
            Reason = reason,
            Message = message,
        };
        if (index >= 0)
        {
            _conditions[index] = condition;
        }
        else
        {
            _conditions.Add(condition);
        }
    }

    public List<Condition> ToList() =>
        [.. _conditions.OrderBy(c => Array.IndexOf(Order, c.Type) is var i && i < 0 ? int.MaxValue : i).ThenBy(c => c.Type, StringComparer.Ordinal)];

    private static readonly string[] Order =
        [ConditionTypes.Ready, ConditionTypes.Progressing, ConditionTypes.Paused, ConditionTypes.Degraded, ConditionTypes.InvalidSpec, ConditionTypes.Reconciling, ConditionTypes.Stalled];
}
