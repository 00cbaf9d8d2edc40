namespace RolloutOperator.Core.Api;

[Description("A field path into the Rollout object.")]
public sealed class FieldRef
{
    [Description("Field path, e.g. metadata.name or metadata.labels['app'].")]
    [Required]
    [MaxLength(256)]
    public string FieldPath { get; set; } = "";
}
