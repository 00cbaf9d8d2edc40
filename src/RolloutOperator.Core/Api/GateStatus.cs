namespace RolloutOperator.Core.Api;

[Description("The state of one webhook for the revision and point (scope) it was last called for.")]
public sealed record GateStatus
{
    [Description("The webhook's name.")]
    [Required]
    [MaxLength(63)]
    public string Name { get; init; } = "";

    [Description("The webhook's type.")]
    [Required]
    public WebhookType Type { get; init; }

    [Description("The revision it was called for.")]
    [Required]
    [MaxLength(63)]
    public string Revision { get; init; } = "";

    [Description("The point of the rollout it guards: rollout, step-N, promotion, promoted or abort-N.")]
    [Required]
    [MaxLength(64)]
    public string Scope { get; init; } = "";

    [Description("Waiting, Passed or Failed.")]
    [Required]
    public GatePhase Phase { get; init; }

    [Description("The canary step index, when the scope is a step.")]
    public int? StepIndex { get; init; }

    [Description("Calls made.")]
    public int Attempts { get; init; }

    [Description("Failed calls counted against failureLimit.")]
    public int Failures { get; init; }

    [Description("When the gate started waiting.")]
    [Required]
    [SchemaFormat("date-time")]
    [JsonConverter(typeof(KubeTimeConverter))]
    public DateTimeOffset Since { get; init; }

    [Description("When it was last called.")]
    [SchemaFormat("date-time")]
    [JsonConverter(typeof(KubeTimeConverter))]
    public DateTimeOffset? LastCalledAt { get; init; }

    [Description("When it is called next while waiting.")]
    [SchemaFormat("date-time")]
    [JsonConverter(typeof(KubeTimeConverter))]
    public DateTimeOffset? NextCallAt { get; init; }

    [Description("HTTP status of the last answer; unset when none arrived.")]
    public int? LastStatusCode { get; init; }

    [Description("The last answer or error, without secret values.")]
    [MaxLength(512)]
    public string? Message { get; init; }
}
