using System.Text.Json.Nodes;

namespace RolloutOperator.Core.Tests.Parsing.Hostile;

/// <summary>
/// A valid Rollout spec with the analysis templates it refers to and, for spec.workloadRef, the Deployment's pod template;
/// all as JSON so that mutations can reach any field.
/// </summary>
public sealed record HostileSeed(string Name, JsonObject Rollout, IReadOnlyList<(string Name, bool ClusterScope, JsonObject Spec)> Templates, JsonObject? Workload = null);
