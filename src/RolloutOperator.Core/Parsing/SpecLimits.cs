namespace RolloutOperator.Core.Parsing;

/// <summary>Upper bounds the engine's arithmetic relies on; far beyond any real rollout.</summary>
internal static class SpecLimits
{
    /// <summary>
    /// The schema's [Range] of spec.replicas and setCanaryScale.replicas, enforced here too because lint and tests parse
    /// specs no API server has checked. Below it, replica sums across revisions and percentages of replicas (× 100) stay
    /// far inside a 32-bit integer.
    /// </summary>
    public const int MaxReplicas = 100_000;
}
