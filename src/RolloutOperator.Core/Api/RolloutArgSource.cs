namespace RolloutOperator.Core.Api;

[Description("Where a Rollout-supplied argument value comes from.")]
public sealed class RolloutArgSource
{
    [Description("A field of the Rollout, e.g. metadata.labels['team'].")]
    public FieldRef? FieldRef { get; set; }
}
