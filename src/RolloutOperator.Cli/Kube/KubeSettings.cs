namespace RolloutOperator.Cli.Kube;

/// <summary>The kubectl-style connection flags; null means "as kubectl would default it".</summary>
internal sealed record KubeSettings(string? Kubeconfig, string? Context, string? Namespace, TimeSpan? RequestTimeout);
