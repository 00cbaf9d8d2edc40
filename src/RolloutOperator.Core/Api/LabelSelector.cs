namespace RolloutOperator.Core.Api;

[Description("A label query over pods, as in metav1.LabelSelector.")]
public sealed class LabelSelector
{
    [Description("Labels that must all match exactly.")]
    public Dictionary<string, string>? MatchLabels { get; set; }

    [Description("Set-based requirements, all of which must match.")]
    [MaxLength(32)]
    public List<LabelSelectorRequirement>? MatchExpressions { get; set; }
}
