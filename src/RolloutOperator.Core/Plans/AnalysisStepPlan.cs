namespace RolloutOperator.Core.Plans;

public sealed record AnalysisStepPlan(AnalysisPlan Analysis) : CanaryStepPlan;
