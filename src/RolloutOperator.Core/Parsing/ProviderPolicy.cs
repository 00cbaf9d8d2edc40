namespace RolloutOperator.Core.Parsing;

/// <summary>
/// What the operator's admin allows metric providers to use: the directories file credentials may come from (only
/// ClusterAnalysisTemplates may name files at all) the Prometheus hosts that may be contacted, and the
/// hosts of every other outbound address (web metrics).
/// </summary>
public sealed record ProviderPolicy(IReadOnlyList<string> CredentialFileDirectories, HostAllowList AllowedHosts)
{
    /// <summary>The hosts web metrics (and every other address a namespaced object names) may contact: --outbound-allowed-hosts.</summary>
    public HostAllowList OutboundAllowedHosts { get; init; } = HostAllowList.All;

    /// <summary>The safe default: no file credentials anywhere, every host allowed.</summary>
    public static ProviderPolicy Default { get; } = new([], HostAllowList.All);
}
