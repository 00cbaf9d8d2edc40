using RolloutOperator.Core.Api;

namespace RolloutOperator.Core.Analysis;

/// <summary>
/// One judged metric's samples over the window: every non-NaN value of every series, per side, and the rank test of the
/// two (null when a side has no values). The distributions are each side's quantiles, computed by the controller (the
/// statistics library is not Core's); null when not computed.
/// </summary>
public sealed record JudgeSample(string Metric, IReadOnlyList<double> Canary, IReadOnlyList<double> Control, RankSumTest? Test)
{
    public JudgeDistribution? CanaryDistribution { get; init; }

    public JudgeDistribution? ControlDistribution { get; init; }
}
