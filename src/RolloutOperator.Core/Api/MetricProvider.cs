namespace RolloutOperator.Core.Api;

[Description("The metric provider. Exactly one provider.")]
[CelRule("has(self.prometheus)", "a provider is required")]
public sealed class MetricProvider
{
    [Description("Prometheus HTTP API.")]
    public PrometheusMetric? Prometheus { get; set; }
}
