namespace RolloutOperator.Core.Engine;

/// <summary>
/// One measurement of the service's error ratio over the policy's period, taken at <paramref name="At"/>.
/// <paramref name="Error"/> set: it could not be taken. Otherwise a NaN ratio is no data (no events in the period).
/// </summary>
public sealed record ErrorBudgetReading(DateTimeOffset At, double ErrorRatio, string? Error, string? Query);
