using System.Text.Json.Nodes;
using k8s.Models;
using RolloutOperator.Cli.Rendering;
using RolloutOperator.Model;

namespace RolloutOperator.Cli.Dashboard;

/// <summary>Images of the stable and canary revisions: from their Deployments, else (a canary not yet created) from the spec.</summary>
internal static class RolloutImages
{
    public static string Stable(Rollout rollout, IReadOnlyList<V1Deployment> deployments) =>
        Of(deployments, rollout.Status?.StableRevision) ?? "-";

    public static string Canary(Rollout rollout, IReadOnlyList<V1Deployment> deployments)
    {
        if (rollout.Status?.CanaryRevision is not { Length: > 0 } canary || canary == rollout.Status.StableRevision)
        {
            return "-";
        }

        return Of(deployments, canary)
            ?? (RolloutFacts.SpecRevision(rollout) == canary ? Template(rollout.Spec.Template) : "-");
    }

    private static string? Of(IReadOnlyList<V1Deployment> deployments, string? revision) =>
        revision is null ? null : deployments.FirstOrDefault(d => RolloutFacts.Revision(d) == revision) is { } d ? RolloutFacts.Images(d) : null;

    private static string Template(JsonObject? template) => template?["spec"]?["containers"] is JsonArray containers
        ? string.Join(", ", containers.Select(c => (string?)c?["image"]).OfType<string>())
        : "-";
}
