namespace RolloutOperator.Core.Api;

[Description("A DestinationRule in the Rollout's namespace; the operator sets the revision label of its stable and canary subsets and nothing else.")]
public sealed class IstioDestinationRule
{
    [Description("DestinationRule name.")]
    [Required]
    [MaxLength(253)]
    public string Name { get; set; } = "";

    [Description("Name of the subset that selects the stable revision.")]
    [DefaultValue("stable")]
    [MaxLength(253)]
    public string? StableSubsetName { get; set; }

    [Description("Name of the subset that selects the canary revision.")]
    [DefaultValue("canary")]
    [MaxLength(253)]
    public string? CanarySubsetName { get; set; }
}
