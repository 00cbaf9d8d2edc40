using RolloutOperator.Core.Api;

namespace RolloutOperator.Core.Plans;

/// <summary>An argument whose value is a literal, a Secret key or a Rollout field; the controller resolves the last two.</summary>
public sealed record ArgumentPlan(string Name, string? Value, SecretKeyRef? Secret, string? FieldPath);
