using RolloutOperator.Core.Api;

namespace RolloutOperator.Core.Analysis;

/// <summary>The judgement of one SLO measurement: phase, the value shown, why, and the burn rates for status.</summary>
public sealed record SloVerdict(AnalysisPhase Phase, string Value, string Message, SloMeasurement Slo);
