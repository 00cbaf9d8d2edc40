using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Engine;

/// <summary>A metric the controller must query now, for the analysis (key) and revision it belongs to.</summary>
public sealed record DueMeasurement(string AnalysisKey, string Revision, MetricPlan Metric, AnalysisPlan Analysis);
