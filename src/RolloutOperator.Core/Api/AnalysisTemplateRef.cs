namespace RolloutOperator.Core.Api;

[Description("Reference to an AnalysisTemplate (same namespace) or a ClusterAnalysisTemplate.")]
public sealed class AnalysisTemplateRef
{
    [Description("Template name.")]
    [Required]
    [MaxLength(253)]
    public string TemplateName { get; set; } = "";

    [Description("Refer to a ClusterAnalysisTemplate instead of a namespaced AnalysisTemplate.")]
    [DefaultValue(false)]
    public bool? ClusterScope { get; set; }
}
