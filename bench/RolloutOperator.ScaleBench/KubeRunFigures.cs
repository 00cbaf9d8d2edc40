namespace RolloutOperator.ScaleBench;

/// <summary>Where a --kubeconfig run ran, and its clean-up: the namespaces it created and how many it deleted at the end.</summary>
internal sealed record KubeRunFigures(string Server, string RunId, IReadOnlyList<string> Namespaces, int NamespacesDeleted);
