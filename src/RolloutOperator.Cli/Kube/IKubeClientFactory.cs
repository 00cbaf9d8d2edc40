namespace RolloutOperator.Cli.Kube;

/// <summary>Creates the API connection lazily, so offline commands (lint, plan, version) never need a kubeconfig.</summary>
internal interface IKubeClientFactory
{
    KubeConnection Connect(KubeSettings settings);
}
