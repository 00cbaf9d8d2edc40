namespace RolloutOperator.Core.Api;

[Description("Canary scale override. Exactly one field must be set.")]
[CelRule("(has(self.replicas) ? 1 : 0) + (has(self.weight) ? 1 : 0) + (has(self.matchTrafficWeight) ? 1 : 0) == 1", "set exactly one of replicas, weight, matchTrafficWeight")]
public sealed class SetCanaryScale
{
    [Description("Absolute number of canary pods.")]
    [Range(0, 100000)]
    public int? Replicas { get; set; }

    [Description("Canary pods as a percentage of spec.replicas.")]
    [Range(0, 100)]
    public int? Weight { get; set; }

    [Description("Return to scaling the canary with its traffic weight.")]
    public bool? MatchTrafficWeight { get; set; }
}
