namespace RolloutOperator.Core.Api;

[Description("An analysis: templates by name and/or inline metrics, with argument values.")]
[CelRule("(has(self.templates) ? size(self.templates) : 0) + (has(self.metrics) ? size(self.metrics) : 0) > 0", "an analysis needs at least one template or metric")]
public class RolloutAnalysis
{
    [Description("AnalysisTemplates or ClusterAnalysisTemplates to run; their metrics are merged.")]
    [MaxLength(8)]
    [AtomicList]
    public List<AnalysisTemplateRef>? Templates { get; set; }

    [Description("Inline metrics, merged with the templates' metrics.")]
    [MaxLength(16)]
    [ListMapKeys("name")]
    public List<Metric>? Metrics { get; set; }

    [Description("Values for the templates' arguments.")]
    [MaxLength(32)]
    [ListMapKeys("name")]
    public List<AnalysisArgValue>? Args { get; set; }
}
