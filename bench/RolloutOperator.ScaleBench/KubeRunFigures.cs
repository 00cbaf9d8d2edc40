namespace RolloutOperator.ScaleBench;

/// <summary>
/// Where a --kubeconfig run ran, and its clean-up: the namespaces it created and how many it deleted at the end; and
/// when the step run (whose writes were counted from the operator's metrics) began and ended.
/// </summary>
internal sealed record KubeRunFigures(string Server, string RunId, IReadOnlyList<string> Namespaces, int NamespacesDeleted, DateTimeOffset StepsFrom, DateTimeOffset StepsTo);
