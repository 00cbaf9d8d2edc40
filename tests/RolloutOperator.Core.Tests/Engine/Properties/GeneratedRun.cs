using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Tests.Engine.Properties;

/// <summary>A generated plan and a generated sequence of things happening to it.</summary>
public sealed record GeneratedRun(RolloutPlan Plan, Op[] Ops)
{
    public override string ToString() => $"{Plan} ops=[{string.Join(",", Ops)}]";
}
