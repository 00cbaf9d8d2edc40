using System.Text.Json.Nodes;

namespace RolloutOperator.Controller.Workloads;

/// <summary>What a revision Deployment is made of: the pod template and the selector of the Rollout (without the revision label).</summary>
internal sealed record RevisionWorkload(JsonObject PodTemplate, JsonObject Selector, int MinReadySeconds);
