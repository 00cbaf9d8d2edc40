namespace RolloutOperator.Core.Api;

[Description("Inclusive bounds; at least one is required.")]
[CelRule("has(self.min) || has(self.max)", "set min, max or both")]
[CelRule("!has(self.min) || !has(self.max) || self.min <= self.max", "min must not exceed max")]
public sealed class ThresholdRange
{
    [Description("Lowest passing value.")]
    public double? Min { get; set; }

    [Description("Highest passing value.")]
    public double? Max { get; set; }
}
