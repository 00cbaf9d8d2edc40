namespace RolloutOperator.Core.Api;

[Description("One set-based label requirement.")]
public sealed class LabelSelectorRequirement
{
    [Description("The label key.")]
    [Required]
    [MaxLength(317)]
    public string Key { get; set; } = "";

    [Description("One of In, NotIn, Exists, DoesNotExist.")]
    [Required]
    public LabelSelectorOperator Operator { get; set; }

    [Description("Values for In and NotIn; empty for Exists and DoesNotExist.")]
    [MaxLength(64)]
    public List<string>? Values { get; set; }
}
