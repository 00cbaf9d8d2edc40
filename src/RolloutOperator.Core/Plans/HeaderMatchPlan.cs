namespace RolloutOperator.Core.Plans;

public sealed record HeaderMatchPlan(string Header, StringMatchKind Kind, string Value);
