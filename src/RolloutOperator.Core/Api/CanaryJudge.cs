namespace RolloutOperator.Core.Api;

[Description("A statistical comparison of the canary against a control (the stable revision, or baseline pods of the stable template started beside the canary): each judged metric's samples over the range window are compared with a Mann-Whitney U test, classified Pass, High, Low or NoData, and the weighted share of passing metrics is the score.")]
[CelRule("!has(self.passScore) || !has(self.marginalScore) || self.marginalScore <= self.passScore", "marginalScore must not exceed passScore")]
public sealed class CanaryJudge
{
    [Description("What the canary is compared with: Stable (the stable revision's pods) or Baseline (pods of the stable template the operator starts beside the canary with the canary's size, so both are equally fresh; labelled with the revision <stable>-baseline, never selected by the stable or canary Service, and removed when no baseline judge of the canary is running).")]
    [DefaultValue("Stable")]
    public JudgeControl? Control { get; set; }

    [Description("Score (0-100) at or above which a judgement is Successful.")]
    [DefaultValue(95)]
    [Range(0, 100)]
    public int? PassScore { get; set; }

    [Description("Score at or above which a judgement below passScore is Inconclusive (the rollout pauses for a human); below it the judgement fails.")]
    [DefaultValue(75)]
    [Range(0, 100)]
    public int? MarginalScore { get; set; }

    [Description("Two-sided significance level of each Mann-Whitney U test: a difference with a p-value below it is significant.")]
    [DefaultValue(0.05)]
    public double? Significance { get; set; }

    [Description("The judged metrics. Each query is run as a range query over provider.prometheus.range, once for the canary and once for the control; {{judge.revision}} is the revision of the side being queried.")]
    [Required]
    [MinLength(1)]
    [MaxLength(16)]
    [ListMapKeys("name")]
    public List<JudgeMetric> Metrics { get; set; } = [];
}
