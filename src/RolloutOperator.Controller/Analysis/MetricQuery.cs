using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.Analysis;

/// <summary>
/// One rendered query with the metric's provider settings. <paramref name="Namespace"/> is the Rollout's: Secrets named
/// by the settings are read from it through <paramref name="Secrets"/>. <paramref name="Time"/> is the evaluation time.
/// </summary>
public sealed record MetricQuery(string Namespace, string Query, PrometheusMetric Settings, DateTimeOffset Time, ISecretReader Secrets);
