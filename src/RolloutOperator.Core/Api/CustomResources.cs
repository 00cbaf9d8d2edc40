namespace RolloutOperator.Core.Api;

/// <summary>The kinds this project serves. Short names avoid ro, at, cat, ar and exp, which other tools use.</summary>
public static class CustomResources
{
    public static CustomResourceInfo Rollout { get; } = new(
        "Rollout",
        "rollouts",
        "rollout",
        ["rop"],
        Namespaced: true,
        typeof(RolloutSpec),
        typeof(RolloutStatus),
        "A Rollout runs a workload and delivers each new revision of it progressively (canary or blue/green), gated by analysis.",
        [
            new("Phase", "string", ".status.phase", "Healthy, Progressing, Paused or Degraded."),
            new("Desired", "integer", ".spec.replicas", "Desired pods."),
            new("Available", "integer", ".status.availableReplicas", "Available pods."),
            new("Step", "integer", ".status.currentStepIndex", "Current canary step."),
            new("Weight", "integer", ".status.traffic.desiredWeight", "Desired canary weight."),
            new("Stable", "string", ".status.stableRevision", "Stable revision.", 1),
            new("Canary", "string", ".status.canaryRevision", "Revision being rolled out.", 1),
            new("Message", "string", ".status.message", "Summary.", 1),
            new("Age", "date", ".metadata.creationTimestamp", "Age."),
        ],
        new ScaleSubresource(".spec.replicas", ".status.replicas", ".status.selector"));

    public static CustomResourceInfo AnalysisTemplate { get; } = new(
        "AnalysisTemplate",
        "analysistemplates",
        "analysistemplate",
        ["roat"],
        Namespaced: true,
        typeof(AnalysisTemplateSpec),
        null,
        "An AnalysisTemplate holds metrics (SLI queries and their pass/fail rules) that Rollouts in its namespace run.",
        [new("Age", "date", ".metadata.creationTimestamp", "Age.")],
        null);

    public static CustomResourceInfo ClusterAnalysisTemplate { get; } = new(
        "ClusterAnalysisTemplate",
        "clusteranalysistemplates",
        "clusteranalysistemplate",
        ["rocat"],
        Namespaced: false,
        typeof(AnalysisTemplateSpec),
        null,
        "A ClusterAnalysisTemplate holds metrics that Rollouts in any namespace can run.",
        [new("Age", "date", ".metadata.creationTimestamp", "Age.")],
        null);

    public static IReadOnlyList<CustomResourceInfo> All { get; } = [Rollout, AnalysisTemplate, ClusterAnalysisTemplate];
}
