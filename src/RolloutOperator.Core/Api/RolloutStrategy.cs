namespace RolloutOperator.Core.Api;

[Description("Delivery strategy: exactly one of canary or blueGreen.")]
[CelRule("has(self.canary) != has(self.blueGreen)", "exactly one of canary or blueGreen must be set")]
public sealed class RolloutStrategy
{
    [Description("Shift traffic to the new revision in steps.")]
    public CanaryStrategy? Canary { get; set; }

    [Description("Run the new revision beside the active one and switch traffic at once.")]
    public BlueGreenStrategy? BlueGreen { get; set; }
}
