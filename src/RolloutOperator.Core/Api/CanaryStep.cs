namespace RolloutOperator.Core.Api;

[Description("One canary step. Exactly one field must be set.")]
[CelRule("(has(self.setWeight) ? 1 : 0) + (has(self.pause) ? 1 : 0) + (has(self.analysis) ? 1 : 0) + (has(self.setCanaryScale) ? 1 : 0) + (has(self.setHeaderRoute) ? 1 : 0) + (has(self.setMirrorRoute) ? 1 : 0) == 1", "a step sets exactly one of setWeight, pause, analysis, setCanaryScale, setHeaderRoute, setMirrorRoute")]
public sealed class CanaryStep
{
    [Description("Percentage of traffic sent to the canary.")]
    [Range(0, 100)]
    public int? SetWeight { get; set; }

    [Description("Pause for a duration, or until promoted when no duration is given.")]
    public PauseStep? Pause { get; set; }

    [Description("Run an analysis; the step completes when it succeeds.")]
    public RolloutAnalysis? Analysis { get; set; }

    [Description("Scale the canary independently of its traffic weight.")]
    public SetCanaryScale? SetCanaryScale { get; set; }

    [Description("Route requests that match headers to the canary (routers that support it).")]
    public SetHeaderRoute? SetHeaderRoute { get; set; }

    [Description("Mirror matching requests to the canary (routers that support it).")]
    public SetMirrorRoute? SetMirrorRoute { get; set; }
}
