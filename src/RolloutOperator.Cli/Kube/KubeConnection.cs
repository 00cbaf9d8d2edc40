using k8s;

namespace RolloutOperator.Cli.Kube;

/// <summary>A client plus the namespace that -n, the kubeconfig context or "default" selected.</summary>
internal sealed class KubeConnection(IKubernetes client, string @namespace) : IDisposable
{
    public IKubernetes Client { get; } = client;

    public string Namespace { get; } = @namespace;

    public void Dispose() => Client.Dispose();
}
