using System.Text.Json.Nodes;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Controller.Notifications;

/// <summary>
/// A Slack-compatible incoming-webhook message: <c>text</c> (the fallback shown in notifications) and <c>blocks</c> (a
/// section and a context line). Texts are escaped for mrkdwn, so a message cannot inject links or mentions.
/// </summary>
internal static class SlackMessage
{
    public static NotificationMessage Build(DeliveryJob job)
    {
        var n = job.Notification;
        var rollout = $"{job.Rollout.Namespace}/{job.Rollout.Name}";
        var body = new JsonObject
        {
            ["text"] = Escape($"[{rollout}] {n.Reason}: {n.Message}"),
            ["blocks"] = new JsonArray(
                new JsonObject
                {
                    ["type"] = "section",
                    ["text"] = new JsonObject
                    {
                        ["type"] = "mrkdwn",
                        ["text"] = $"*{Escape(rollout)}* {Escape(n.Reason)} (revision `{Escape(n.Revision ?? "-")}`)\n{Escape(n.Message ?? "")}",
                    },
                },
                new JsonObject
                {
                    ["type"] = "context",
                    ["elements"] = new JsonArray(new JsonObject
                    {
                        ["type"] = "mrkdwn",
                        ["text"] = Escape($"{job.Trigger} · {n.Type} · {NotificationDocument.Time(n.Time)} · id {n.Id}"),
                    }),
                }),
        };
        return new NotificationMessage(body.ToJsonString(), BodyTemplate.JsonContentType, []);
    }

    // The three characters Slack's mrkdwn gives meaning to (links, mentions) are sent as entities.
    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
