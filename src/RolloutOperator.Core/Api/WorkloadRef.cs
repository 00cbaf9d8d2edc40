namespace RolloutOperator.Core.Api;

[Description("Reference to an existing Deployment whose pod template this Rollout takes over.")]
public sealed class WorkloadRef
{
    [Description("API version of the referenced workload.")]
    [DefaultValue("apps/v1")]
    [MaxLength(64)]
    public string? ApiVersion { get; set; }

    [Description("Kind of the referenced workload. Only Deployment is supported.")]
    [DefaultValue("Deployment")]
    [MaxLength(64)]
    public string? Kind { get; set; }

    [Description("Name of the referenced Deployment in the Rollout's namespace.")]
    [Required]
    [MaxLength(253)]
    public string Name { get; set; } = "";

    [Description("What happens to the referenced Deployment: never scaled down, scaled to zero once the Rollout is healthy, or scaled down step by step as the Rollout scales up.")]
    [DefaultValue("never")]
    public WorkloadScaleDown? ScaleDown { get; set; }
}
