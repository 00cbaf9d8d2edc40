using System.Globalization;
using System.Text.Json.Nodes;

namespace RolloutOperator.Controller.Notifications;

/// <summary>
/// The notification as JSON: the generic webhook's default body and the CloudEvents data. Every field is always present
/// (null when it does not apply), so receivers can rely on the shape documented in docs/notifications.md.
/// </summary>
internal static class NotificationDocument
{
    public static JsonObject Build(DeliveryJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var n = job.Notification;
        return new JsonObject
        {
            ["id"] = n.Id,
            ["trigger"] = job.Trigger,
            ["reason"] = n.Reason,
            ["type"] = n.Type,
            ["message"] = n.Message,
            ["time"] = Time(n.Time),
            ["rollout"] = new JsonObject
            {
                ["namespace"] = job.Rollout.Namespace,
                ["name"] = job.Rollout.Name,
                ["uid"] = job.Rollout.Uid,
            },
            ["revision"] = n.Revision,
            ["step"] = n.Step,
        };
    }

    /// <summary>The values a body template's placeholders are replaced with.</summary>
    public static IReadOnlyDictionary<string, string> Placeholders(DeliveryJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var n = job.Notification;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["id"] = n.Id,
            ["trigger"] = job.Trigger ?? "",
            ["reason"] = n.Reason,
            ["type"] = n.Type ?? "",
            ["message"] = n.Message ?? "",
            ["time"] = Time(n.Time) ?? "",
            ["namespace"] = job.Rollout.Namespace,
            ["rollout"] = job.Rollout.Name,
            ["uid"] = job.Rollout.Uid,
            ["revision"] = n.Revision ?? "",
            ["step"] = n.Step?.ToString(CultureInfo.InvariantCulture) ?? "",
        };
    }

    public static string? Time(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
