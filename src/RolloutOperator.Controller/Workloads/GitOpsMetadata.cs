namespace RolloutOperator.Controller.Workloads;

/// <summary>
/// Labels and annotations that GitOps tools use to track the objects they apply. Copied onto a child, they would make
/// Argo CD treat the child as its own (and prune it, or report the app out of sync).
/// </summary>
internal static class GitOpsMetadata
{
    public static bool IsTracking(string key) =>
        key.StartsWith("argocd.argoproj.io/", StringComparison.Ordinal)
        || key == "app.kubernetes.io/instance"
        || key.StartsWith("kustomize.toolkit.fluxcd.io/", StringComparison.Ordinal)
        || key.StartsWith("helm.toolkit.fluxcd.io/", StringComparison.Ordinal)
        || key == "kubectl.kubernetes.io/last-applied-configuration";

    public static Dictionary<string, string> Without(IDictionary<string, string>? values) =>
        (values ?? new Dictionary<string, string>())
            .Where(pair => !IsTracking(pair.Key))
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
}
