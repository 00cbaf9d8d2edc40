namespace RolloutOperator.Core.Api;

[Description("RolloutSpec describes the workload to run and how a new revision of it is delivered.")]
[CelRule("has(self.template) != has(self.workloadRef)", "exactly one of template or workloadRef must be set")]
[CelRule("!has(self.template) || has(self.selector)", "selector is required when template is set", FieldPath = ".selector")]
public sealed class RolloutSpec
{
    [Description("Desired number of pods of the current revision once fully rolled out. Also the scale subresource's spec path.")]
    [DefaultValue(1)]
    [Range(0, 100000)]
    public int? Replicas { get; set; }

    [Description("Label selector for the pods of every revision. Must match the template's labels.")]
    public LabelSelector? Selector { get; set; }

    [Description("Pod template of the workload. Each distinct template is one revision.")]
    [PreserveUnknownFields]
    public System.Text.Json.Nodes.JsonObject? Template { get; set; }

    [Description("Use the pod template of an existing Deployment instead of an inline template (migration path).")]
    public WorkloadRef? WorkloadRef { get; set; }

    [Description("How a new revision is delivered. Exactly one of canary or blueGreen.")]
    [Required]
    public RolloutStrategy Strategy { get; set; } = new();

    [Description("Seconds without progress before the rollout is reported as ProgressDeadlineExceeded. Explicit pauses do not count.")]
    [DefaultValue(600)]
    [Range(1, 86400)]
    public int? ProgressDeadlineSeconds { get; set; }

    [Description("Abort the rollout when the progress deadline is exceeded.")]
    [DefaultValue(false)]
    public bool? ProgressDeadlineAbort { get; set; }

    [Description("How many old, scaled-down revisions to keep for fast rollback.")]
    [DefaultValue(10)]
    [Range(0, 100)]
    public int? RevisionHistoryLimit { get; set; }

    [Description("Pause progress: no step advances while true.")]
    [DefaultValue(false)]
    public bool? Paused { get; set; }

    [Description("Seconds a new pod must be ready before it counts as available.")]
    [DefaultValue(0)]
    [Range(0, 3600)]
    public int? MinReadySeconds { get; set; }

    [Description("A change back to one of the last N stable revisions is rolled back at once, skipping the steps.")]
    public RollbackWindow? RollbackWindow { get; set; }

    [Description("Error-budget policy: new revisions wait before their first step while the service's remaining error budget is below a threshold.")]
    public ErrorBudgetPolicy? ErrorBudgetPolicy { get; set; }

    [Description("Webhook gates and hooks called at points of the rollout (see docs/gates.md).")]
    [MaxLength(16)]
    [ListMapKeys("name")]
    public List<Webhook>? Webhooks { get; set; }
}
