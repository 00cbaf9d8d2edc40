using k8s.Models;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.Traffic;

/// <summary>What a router needs to know about the Rollout it acts for.</summary>
internal sealed record TrafficRoutingContext(
    string Namespace,
    string RolloutName,
    V1OwnerReference Owner,
    TrafficRouting Routing,
    string StableService,
    string CanaryService);
