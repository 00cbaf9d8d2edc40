namespace RolloutOperator.Core.Api;

[Description("The metric provider. Exactly one provider.")]
[CelRule("(has(self.prometheus) ? 1 : 0) + (has(self.web) ? 1 : 0) + (has(self.job) ? 1 : 0) == 1", "set exactly one provider: prometheus, web or job")]
public sealed class MetricProvider
{
    [Description("Prometheus HTTP API.")]
    public PrometheusMetric? Prometheus { get; set; }

    [Description("An HTTP endpoint answering JSON; jsonPath selects the value. See docs/analysis.md.")]
    public WebMetric? Web { get; set; }

    [Description("A Kubernetes Job run in the Rollout's namespace: Complete is a measurement of 1, Failed one of 0. See docs/analysis.md.")]
    public JobMetric? Job { get; set; }
}
