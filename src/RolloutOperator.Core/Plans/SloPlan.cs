using RolloutOperator.Core.Api;

namespace RolloutOperator.Core.Plans;

/// <summary>
/// A metric's SLO gate with its windows resolved. <see cref="Bad"/> or <see cref="Good"/> is set, never both.
/// <see cref="ErrorBudget"/> is the allowed error ratio (1 - objective).
/// </summary>
public sealed record SloPlan(
    double Objective,
    string? Good,
    string? Bad,
    string Total,
    double Threshold,
    TimeSpan LongWindow,
    TimeSpan ShortWindow,
    TimeSpan Period,
    StableBurnPolicy StableBurning)
{
    public double ErrorBudget => 1 - (Objective / 100);
}
