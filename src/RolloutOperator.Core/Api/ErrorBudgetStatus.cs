namespace RolloutOperator.Core.Api;

[Description("The error-budget policy's latest reading and which revision it let through.")]
public sealed record ErrorBudgetStatus
{
    [Description("Percent of the period's error budget remaining at the last successful measurement; negative when overspent.")]
    public double? RemainingPercent { get; init; }

    [Description("When the budget was last measured (successfully or not).")]
    [SchemaFormat("date-time")]
    [JsonConverter(typeof(KubeTimeConverter))]
    public DateTimeOffset? MeasuredAt { get; init; }

    [Description("When the remaining budget was last read successfully.")]
    [SchemaFormat("date-time")]
    [JsonConverter(typeof(KubeTimeConverter))]
    public DateTimeOffset? SucceededAt { get; init; }

    [Description("Failed measurements in a row.")]
    public int? ConsecutiveErrors { get; init; }

    [Description("The rendered query.")]
    [MaxLength(8192)]
    public string? Query { get; init; }

    [Description("Last error or explanation.")]
    [MaxLength(1024)]
    public string? Message { get; init; }

    [Description("The revision that passed the policy (or was exempt) and may take its steps.")]
    [MaxLength(63)]
    public string? AdmittedRevision { get; init; }

    [Description("The revision marked as a fix by a mark-fix command; never held by the policy.")]
    [MaxLength(63)]
    public string? FixRevision { get; init; }
}
