namespace RolloutOperator.Cli.Planning;

/// <summary>An analysis in the plan: its key as it appears in status.analyses, and its metrics.</summary>
internal sealed record PlanAnalysis(string Key, IReadOnlyList<PlanMetric> Metrics, int? StartingStep = null);
