namespace RolloutOperator.Core.Parsing;

/// <summary>
/// Who wrote a metric. <see cref="AdminOwned"/>: it came from a ClusterAnalysisTemplate, which only cluster admins can
/// write; only such metrics may name files on the operator's own filesystem.
/// </summary>
internal sealed record MetricOrigin(bool AdminOwned, ProviderPolicy Policy)
{
    public static MetricOrigin Namespaced(ProviderPolicy policy) => new(false, policy);
}
