namespace RolloutOperator.Core.Analysis;

/// <summary>
/// One judged metric's samples over the window: every non-NaN value of every series, per side, and the rank test of the
/// two (null when a side has no values).
/// </summary>
public sealed record JudgeSample(string Metric, IReadOnlyList<double> Canary, IReadOnlyList<double> Control, RankSumTest? Test);
