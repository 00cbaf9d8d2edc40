using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Bench;

/// <summary>Everything one <see cref="RolloutDecider.Decide"/> call reads, captured from a simulated run.</summary>
internal sealed record DecisionInputs(RolloutPlan Plan, RolloutStatus Status, RolloutObservation Observation)
{
    public Decision Decide() => RolloutDecider.Decide(Plan, Status, Observation);
}
