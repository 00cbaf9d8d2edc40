namespace RolloutOperator.Core.Plans;

/// <summary>A header route; no matches means the route is removed.</summary>
public sealed record HeaderRoutePlan(string Name, IReadOnlyList<HeaderMatchPlan> Matches);
