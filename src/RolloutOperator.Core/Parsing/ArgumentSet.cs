using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Parsing;

/// <summary>The arguments of one analysis: their plans and every name a query may refer to.</summary>
internal sealed record ArgumentSet(IReadOnlyList<ArgumentPlan> Plans, IReadOnlySet<string> Names);
