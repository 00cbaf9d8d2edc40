namespace RolloutOperator.Core.Api;

[Description("One measurement of a metric.")]
public sealed record Measurement
{
    [Description("Successful, Failed, Inconclusive or Error.")]
    [Required]
    public AnalysisPhase Phase { get; init; }

    [Description("When it was taken.")]
    [Required]
    [SchemaFormat("date-time")]
    [JsonConverter(typeof(KubeTimeConverter))]
    public DateTimeOffset At { get; init; }

    [Description("Value(s) returned, formatted; unset on no data or error.")]
    [MaxLength(1024)]
    public string? Value { get; init; }

    [Description("True when the query returned no data (empty result or NaN).")]
    public bool? NoData { get; init; }

    [Description("The rendered query.")]
    [MaxLength(8192)]
    public string? Query { get; init; }

    [Description("Error or explanation.")]
    [MaxLength(1024)]
    public string? Message { get; init; }

    [Description("Burn rates of an SLO measurement.")]
    public SloMeasurement? Slo { get; init; }
}
