namespace RolloutOperator.Core.Api;

[Description("A key of a Secret in the Rollout's namespace.")]
public sealed class SecretKeyRef
{
    [Description("Secret name.")]
    [Required]
    [MaxLength(253)]
    public string Name { get; set; } = "";

    [Description("Key within the Secret.")]
    [Required]
    [MaxLength(253)]
    public string Key { get; set; } = "";
}
