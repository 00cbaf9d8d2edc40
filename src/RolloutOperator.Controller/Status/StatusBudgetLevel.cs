namespace RolloutOperator.Controller.Status;

/// <summary>
/// One step of <see cref="StatusBudget"/>: measurements kept per metric, how many of the newest keep their query, and
/// length caps for long texts (messages of the Rollout, conditions, analyses, metrics), short texts (measurement values
/// and messages, history) and queries.
/// </summary>
internal sealed record StatusBudgetLevel(int Measurements, int Queries, int Long, int Short, int Query);
