namespace RolloutOperator.Cli.Kube;

/// <summary>
/// The kubectl-style connection flags; null means "as kubectl would default it". Component names the part of the plugin
/// in its User-Agent (e.g. "dashboard"), so API-server audit logs can tell its requests apart.
/// </summary>
internal sealed record KubeSettings(string? Kubeconfig, string? Context, string? Namespace, TimeSpan? RequestTimeout, string? Component = null);
