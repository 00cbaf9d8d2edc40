using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Parsing;

/// <summary>Either a plan or every error found; <see cref="Plan"/> is null exactly when <see cref="Errors"/> is non-empty.</summary>
public sealed record ParseResult(RolloutPlan? Plan, IReadOnlyList<SpecError> Errors)
{
    public bool IsValid => Plan is not null;
}
