namespace RolloutOperator.Core.Analysis;

/// <summary>What a judge measurement observed: the control revision compared with, and a sample per judged metric.</summary>
public sealed record JudgeObservation(string ControlRevision, IReadOnlyList<JudgeSample> Samples);
