namespace RolloutOperator.Core.Api;

[Description("Authentication: a bearer token (Secret or file) or basic auth.")]
[CelRule("(has(self.bearerTokenSecretRef) ? 1 : 0) + (has(self.bearerTokenFile) ? 1 : 0) + (has(self.basic) ? 1 : 0) <= 1", "set at most one authentication method")]
public sealed class PrometheusAuth
{
    [Description("Bearer token from a Secret key in the Rollout's namespace.")]
    public SecretKeyRef? BearerTokenSecretRef { get; set; }

    [Description("Bearer token from a file mounted into the operator. Accepted only in ClusterAnalysisTemplates, below a directory allowed by the operator's --credential-file-dirs.")]
    [MaxLength(4096)]
    public string? BearerTokenFile { get; set; }

    [Description("Basic authentication with credentials from Secret keys.")]
    public BasicAuth? Basic { get; set; }
}
