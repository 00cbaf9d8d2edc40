namespace RolloutOperator.Core.Api;

[Description("Observed state of the Rollout, written only by the operator.")]
public sealed record RolloutStatus
{
    [Description("The generation of the spec this status describes.")]
    public long? ObservedGeneration { get; init; }

    [Description("Summary phase for printer columns: Progressing, Paused, Healthy or Degraded.")]
    public RolloutPhase? Phase { get; init; }

    [Description("Human-readable summary of the current state.")]
    [MaxLength(4096)]
    public string? Message { get; init; }

    [Description("Conditions: Ready, Progressing, Paused, Degraded, InvalidSpec.")]
    [MaxLength(8)]
    [ListMapKeys("type")]
    public List<Condition>? Conditions { get; init; }

    [Description("Revision (pod-template hash) that serves stable traffic.")]
    [MaxLength(63)]
    public string? StableRevision { get; init; }

    [Description("Revision being rolled out; unset when none is.")]
    [MaxLength(63)]
    public string? CanaryRevision { get; init; }

    [Description("Index of the canary step being executed; equals the step count when all steps are done.")]
    public int? CurrentStepIndex { get; init; }

    [Description("Number of canary steps, for display.")]
    public int? StepCount { get; init; }

    [Description("When the current step started.")]
    [SchemaFormat("date-time")]
    [JsonConverter(typeof(PreciseTimeConverter))]
    public DateTimeOffset? StepStartedAt { get; init; }

    [Description("When the rollout last made progress; the progress deadline counts from here.")]
    [SchemaFormat("date-time")]
    [JsonConverter(typeof(KubeTimeConverter))]
    public DateTimeOffset? LastProgressAt { get; init; }

    [Description("Desired and observed traffic.")]
    public TrafficStatus? Traffic { get; init; }

    [Description("Active pauses.")]
    [MaxLength(8)]
    [ListMapKeys("reason")]
    public List<PauseStatus>? Pauses { get; init; }

    [Description("Set while the current revision is aborted.")]
    public AbortStatus? Abort { get; init; }

    [Description("Blue/green state.")]
    public BlueGreenStatus? BlueGreen { get; init; }

    [Description("Analyses of the current revision with their bounded measurements.")]
    [MaxLength(16)]
    [ListMapKeys("key")]
    public List<AnalysisRunStatus>? Analyses { get; init; }

    [Description("Old revisions waiting to be scaled down, with when.")]
    [MaxLength(16)]
    [ListMapKeys("revision")]
    public List<ScaleDownStatus>? ScaleDowns { get; init; }

    [Description("Outcome of recent revisions, newest first.")]
    [MaxLength(20)]
    [AtomicList]
    public List<RevisionHistoryEntry>? History { get; init; }

    [Description("Set when full promotion was requested for the revision being rolled out: remaining steps and analyses are skipped.")]
    public bool? FullPromotionRequested { get; init; }

    [Description("Id of the last user command processed.")]
    [MaxLength(128)]
    public string? LastCommandId { get; init; }

    [Description("Total pods across revisions (scale subresource).")]
    public int? Replicas { get; init; }

    [Description("Pods of the current revision.")]
    public int? UpdatedReplicas { get; init; }

    [Description("Ready pods across revisions.")]
    public int? ReadyReplicas { get; init; }

    [Description("Available pods across revisions.")]
    public int? AvailableReplicas { get; init; }

    [Description("Label selector string for the scale subresource (HPA).")]
    [MaxLength(4096)]
    public string? Selector { get; init; }

    [Description("Error-budget policy: the remaining budget and the revision it admitted.")]
    public ErrorBudgetStatus? ErrorBudget { get; init; }

    [Description("Notification outbox and recently delivered notification ids.")]
    public NotificationStatus? Notifications { get; init; }

    [Description("Webhook gates and hooks of the current (or last promoted or aborted) revision.")]
    [MaxLength(16)]
    [ListMapKeys("name")]
    public List<GateStatus>? Gates { get; init; }

    [Description("The OpenTelemetry trace of the current (or last) revision rollout; set only while tracing is enabled.")]
    public TraceStatus? Trace { get; init; }
}
