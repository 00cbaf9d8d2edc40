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
    string Selector);
