namespace RolloutOperator.Core.Parsing;

/// <summary>Upper bounds the schema does not state but the engine's arithmetic needs; far beyond any real rollout.</summary>
internal static class SpecLimits
{
    /// <summary>
    /// A million pods is beyond the largest clusters Kubernetes supports; below it, replica sums across revisions and
    /// percentages of replicas (× 100) stay far inside a 32-bit integer.
    /// </summary>
    public const int MaxReplicas = 1_000_000;
}
