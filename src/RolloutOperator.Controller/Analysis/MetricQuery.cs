using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.Analysis;

/// <summary>
/// One rendered query with the metric's provider settings. <paramref name="Namespace"/> is the Rollout's: Secrets named
/// by the settings are read from it through <paramref name="Secrets"/>. <paramref name="Time"/> is the evaluation time.
/// <paramref name="Scrubber"/> holds the secret values already used for this query (e.g. Secret-backed arguments); the
/// provider adds the credentials it reads and scrubs every error text it logs or returns. Null: the provider starts one.
/// </summary>
internal sealed record MetricQuery(string Namespace, string Query, PrometheusMetric Settings, DateTimeOffset Time, ISecretReader Secrets, SecretScrubber? Scrubber = null);
