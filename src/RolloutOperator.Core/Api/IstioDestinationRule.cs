namespace RolloutOperator.Core.Api;

[Description("A DestinationRule in the Rollout's namespace; the operator sets the revision label of its stable and canary subsets and nothing else.")]
public sealed class IstioDestinationRule
{
    public const string DefaultStableSubset = "stable";
    public const string DefaultCanarySubset = "canary";

    [Description("DestinationRule name.")]
    [Required]
    [MaxLength(253)]
    public string Name { get; set; } = "";

    [Description("Name of the subset that selects the stable revision.")]
    [DefaultValue(DefaultStableSubset)]
    [MaxLength(253)]
    public string? StableSubsetName { get; set; }

    [Description("Name of the subset that selects the canary revision.")]
    [DefaultValue(DefaultCanarySubset)]
    [MaxLength(253)]
    public string? CanarySubsetName { get; set; }
}
