namespace RolloutOperator.Core.Plans;

/// <summary>A validated Rollout spec with every default applied and every reference resolved. Core decides on this, never on the raw spec.</summary>
public sealed record RolloutPlan(
    string Revision,
    int Replicas,
    StrategyPlan Strategy,
    TimeSpan ProgressDeadline,
    bool ProgressDeadlineAbort,
    bool Paused,
    int RevisionHistoryLimit,
    int RollbackWindowRevisions,
    string Selector)
{
    /// <summary>The error-budget policy, when the spec has one: new revisions wait before their first step while the budget is low.</summary>
    public ErrorBudgetPlan? ErrorBudget { get; init; }

    /// <summary>Webhook gates and hooks, in spec order.</summary>
    public IReadOnlyList<WebhookPlan> Webhooks { get; init; } = [];
}
