namespace RolloutOperator.Core.Plans;

/// <summary>Metrics of one analysis, merged from its templates and inline metrics, with its unresolved arguments.</summary>
public sealed record AnalysisPlan(IReadOnlyList<MetricPlan> Metrics, IReadOnlyList<ArgumentPlan> Args);
