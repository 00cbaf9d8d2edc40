namespace RolloutOperator.Core.Parsing;

/// <summary>
/// What the operator's admin allows metric providers to use: the directories file credentials may come from (only
/// ClusterAnalysisTemplates may name files at all) and the Prometheus hosts that may be contacted.
/// </summary>
public sealed record ProviderPolicy(IReadOnlyList<string> CredentialFileDirectories, HostAllowList AllowedHosts)
{
    /// <summary>The safe default: no file credentials anywhere, every host allowed.</summary>
    public static ProviderPolicy Default { get; } = new([], HostAllowList.All);

    /// <summary>
    /// Hosts every other address a namespaced object names may reach (webhook gates, web metrics, notification sinks):
    /// the operator's --outbound-allowed-hosts. Empty: all hosts.
    /// </summary>
    public HostAllowList OutboundHosts { get; init; } = HostAllowList.All;
}
