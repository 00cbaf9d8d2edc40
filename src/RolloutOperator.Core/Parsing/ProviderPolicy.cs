namespace RolloutOperator.Core.Parsing;

/// <summary>
/// What the operator's admin allows metric providers to use: the directories file credentials may come from (only
/// ClusterAnalysisTemplates may name files at all) and the Prometheus hosts that may be contacted.
/// </summary>
public sealed record ProviderPolicy(IReadOnlyList<string> CredentialFileDirectories, HostAllowList AllowedHosts)
{
    /// <summary>The safe default: no file credentials anywhere, every host allowed.</summary>
    public static ProviderPolicy Default { get; } = new([], HostAllowList.All);
}
