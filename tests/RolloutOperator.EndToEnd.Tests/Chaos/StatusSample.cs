using RolloutOperator.Core.Api;

namespace RolloutOperator.EndToEnd.Tests.Chaos;

/// <summary>One version of one Rollout's status as the test's watch delivered it.</summary>
internal sealed record StatusSample(string Name, long ResourceVersion, RolloutStatus Status);
