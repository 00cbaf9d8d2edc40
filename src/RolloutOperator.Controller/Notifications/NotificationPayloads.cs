using RolloutOperator.Core.Plans;

namespace RolloutOperator.Controller.Notifications;

/// <summary>Renders one delivery in its sink's format.</summary>
internal static class NotificationPayloads
{
    public static NotificationMessage Build(DeliveryJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.Sink.Kind switch
        {
            NotificationSinkKind.Slack => SlackMessage.Build(job),
            NotificationSinkKind.CloudEvents => CloudEventMessage.Build(job),
            NotificationSinkKind.Event => EventHookMessage.Build(job),
            _ => Webhook(job),
        };
    }

    private static NotificationMessage Webhook(DeliveryJob job) => job.Sink.Body is { } template
        ? new NotificationMessage(
            template.Render(NotificationDocument.Placeholders(job), BodyTemplate.IsJson(job.Sink.ContentType)), job.Sink.ContentType, [])
        : new NotificationMessage(NotificationDocument.Build(job).ToJsonString(), BodyTemplate.JsonContentType, []);
}
