namespace RolloutOperator.Core.Api;

[Description("Where an argument's value comes from. Exactly one source.")]
[CelRule("(has(self.secretKeyRef) ? 1 : 0) + (has(self.fieldRef) ? 1 : 0) == 1", "set exactly one of secretKeyRef, fieldRef")]
public sealed class ArgSource
{
    [Description("A key of a Secret in the Rollout's namespace.")]
    public SecretKeyRef? SecretKeyRef { get; set; }

    [Description("A field of the Rollout.")]
    public FieldRef? FieldRef { get; set; }
}
