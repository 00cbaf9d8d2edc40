using System.Text.Json.Nodes;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Controller.Notifications;

/// <summary>
/// The body an <c>event</c> webhook receives for every Event the operator records about the Rollout: the fields of every
/// webhook call (docs/gates.md) with <c>type: event</c>, and the Event itself under <c>event</c>.
/// </summary>
internal static class EventHookMessage
{
    public const string HookType = "event";

    public static NotificationMessage Build(DeliveryJob job)
    {
        var n = job.Notification;
        var metadata = new JsonObject();
        foreach (var (key, value) in job.Sink.Metadata.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            metadata[key] = value;
        }

        var body = new JsonObject
        {
            ["rollout"] = job.Rollout.Name,
            ["namespace"] = job.Rollout.Namespace,
            ["revision"] = n.Revision,
            ["stableRevision"] = job.Hook?.StableRevision,
            ["phase"] = job.Hook?.Phase,
            ["type"] = HookType,
            ["webhook"] = job.Sink.Name,
            ["step"] = n.Step,
            ["stepCount"] = job.Hook?.StepCount,
            ["metadata"] = metadata,
            ["event"] = new JsonObject
            {
                ["id"] = n.Id,
                ["reason"] = n.Reason,
                ["type"] = n.Type,
                ["message"] = n.Message,
                ["time"] = NotificationDocument.Time(n.Time),
                ["triggers"] = new JsonArray([.. n.Triggers.Select(t => (JsonNode?)JsonValue.Create(t))]),
            },
        };
        return new NotificationMessage(body.ToJsonString(), BodyTemplate.JsonContentType, []);
    }
}
