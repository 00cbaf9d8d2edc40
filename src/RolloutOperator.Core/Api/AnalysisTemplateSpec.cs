namespace RolloutOperator.Core.Api;

[Description("Metrics and the arguments their queries take. Shared by AnalysisTemplate and ClusterAnalysisTemplate.")]
public sealed class AnalysisTemplateSpec
{
    [Description("Arguments the queries refer to as {{args.NAME}}.")]
    [MaxLength(32)]
    [ListMapKeys("name")]
    public List<AnalysisArg>? Args { get; set; }

    [Description("Metrics measured by this template.")]
    [Required]
    [MinLength(1)]
    [MaxLength(16)]
    [ListMapKeys("name")]
    public List<Metric> Metrics { get; set; } = [];
}
