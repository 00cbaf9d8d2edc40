using System.Text.Json;
using System.Text.Json.Nodes;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;
using RolloutOperator.Model;

namespace RolloutOperator.Controller.Gates;

/// <summary>
/// The JSON body of a webhook call (documented in docs/gates.md): which Rollout, revision and point it is asked about,
/// the rollout's phase and step, and the webhook's own metadata. Nothing else of the Rollout is sent.
/// </summary>
internal static class WebhookPayload
{
    public static string For(Rollout rollout, RolloutStatus status, DueGate due)
    {
        var metadata = new JsonObject();
        foreach (var (key, value) in due.Webhook.Metadata.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            metadata[key] = value;
        }

        var body = new JsonObject
        {
            ["rollout"] = rollout.Metadata.Name,
            ["namespace"] = rollout.Metadata.NamespaceProperty,
            ["revision"] = due.Gate.Revision,
            ["stableRevision"] = status.StableRevision,
            ["phase"] = status.Phase?.ToString() ?? RolloutPhase.Progressing.ToString(),
            ["type"] = WebhookTypeName.Of(due.Webhook.Type),
            ["webhook"] = due.Webhook.Name,
            ["scope"] = due.Gate.Scope,
            ["step"] = due.Gate.StepIndex ?? status.CurrentStepIndex,
            ["stepCount"] = status.StepCount,
            ["attempt"] = due.Gate.Attempts + 1,
            ["metadata"] = metadata,
        };
        return body.ToJsonString(Options);
    }

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };
}
