namespace RolloutOperator.Core.Api;

[Description("A PromQL query against a Prometheus-compatible HTTP API.")]
public sealed class PrometheusMetric
{
    [Description("Base URL of the Prometheus API. Defaults to the operator's configured address.")]
    [MaxLength(2048)]
    public string? Address { get; set; }

    [Description("PromQL query; {{args.NAME}} and built-in variables are substituted with escaped values. Required, except for a judge metric (its queries are in judge.metrics) and an slo metric (good, bad and total are its queries).")]
    [MaxLength(8192)]
    public string? Query { get; set; }

    [Description("Query timeout.")]
    [DefaultValue("30s")]
    [MaxLength(32)]
    [Pattern(Durations.Pattern)]
    public string? Timeout { get; set; }

    [Description("Evaluate as a range query over a trailing window instead of an instant query.")]
    public PrometheusRange? Range { get; set; }

    [Description("Authentication to the Prometheus API.")]
    public PrometheusAuth? Authentication { get; set; }

    [Description("Extra request headers.")]
    [MaxLength(16)]
    [ListMapKeys("name")]
    public List<HttpHeader>? Headers { get; set; }

    [Description("TLS settings.")]
    public TlsSettings? Tls { get; set; }
}
