namespace RolloutOperator.Core.Api;

[Description("The latest judgement of a judge metric: the score and each judged metric's classification.")]
public sealed record JudgeStatus
{
    [Description("Weighted share (0-100) of judged metrics classified Pass; NoData never counts as passing.")]
    public double Score { get; init; }

    [Description("Score needed to pass.")]
    public int PassScore { get; init; }

    [Description("Score below which the judgement fails; between it and passScore the rollout pauses for a human.")]
    public int MarginalScore { get; init; }

    [Description("Revision label the canary was compared with.")]
    [MaxLength(127)]
    public string? ControlRevision { get; init; }

    [Description("Per judged metric.")]
    [MaxLength(16)]
    [ListMapKeys("name")]
    public List<JudgeMetricStatus> Metrics { get; init; } = [];
}
