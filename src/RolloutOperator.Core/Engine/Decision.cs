using RolloutOperator.Core.Api;

namespace RolloutOperator.Core.Engine;

/// <summary>What one reconcile should do: the next status, idempotent actions in order, events, and when to look again.</summary>
public sealed record Decision(
    RolloutStatus Status,
    IReadOnlyList<RolloutAction> Actions,
    IReadOnlyList<RolloutEvent> Events,
    TimeSpan? RequeueAfter);
