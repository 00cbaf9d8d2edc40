namespace RolloutOperator.Runtime.Health;

/// <summary>Result of a health check; <see cref="Problems"/> is empty when healthy.</summary>
public sealed record HealthReport(bool IsHealthy, IReadOnlyList<string> Problems)
{
    public static HealthReport Healthy { get; } = new(true, []);
}
