using System.Text;
using System.Text.Json;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Controller.Notifications;

/// <summary>
/// The notification as a CloudEvents 1.0 event: id = the notification id, source = the Rollout's API path, type =
/// <c>io.rollout-operator.rollout.&lt;trigger&gt;</c>, subject = the revision, data = the notification document.
/// Structured mode sends the whole event as <c>application/cloudevents+json</c>; binary mode sends the attributes as
/// <c>ce-*</c> headers and the document as an <c>application/json</c> body.
/// </summary>
internal static class CloudEventMessage
{
    public const string TypePrefix = "io.rollout-operator.rollout.";

    private static readonly JsonEventFormatter Formatter = new();

    public static NotificationMessage Build(DeliveryJob job)
    {
        var cloudEvent = Event(job);
        if (job.Sink.Mode == CloudEventsMode.Binary)
        {
            var data = Formatter.EncodeBinaryModeEventData(cloudEvent);
            var headers = cloudEvent.GetPopulatedAttributes()
                .Where(a => a.Key != CloudEventsSpecVersion.V1_0.DataContentTypeAttribute)
                .Select(a => new OutboundHeader { Name = "ce-" + a.Key.Name, Value = HeaderValue(a.Key.Format(a.Value)) })
                .Prepend(new OutboundHeader { Name = "ce-specversion", Value = cloudEvent.SpecVersion.VersionId })
                .ToList();
            return new NotificationMessage(Encoding.UTF8.GetString(data.Span), BodyTemplate.JsonContentType, headers);
        }

        var body = Formatter.EncodeStructuredModeMessage(cloudEvent, out var contentType);
        return new NotificationMessage(Encoding.UTF8.GetString(body.Span), contentType.ToString(), []);
    }

    private static CloudEvent Event(DeliveryJob job)
    {
        var n = job.Notification;
        var trigger = job.Trigger ?? "event";
        return new CloudEvent(CloudEventsSpecVersion.V1_0)
        {
            Id = n.Id,
            Source = new Uri($"/apis/{ApiGroup.Name}/namespaces/{job.Rollout.Namespace}/rollouts/{job.Rollout.Name}", UriKind.Relative),
            Type = TypePrefix + (trigger.StartsWith("on-", StringComparison.Ordinal) ? trigger[3..] : trigger),
            Subject = n.Revision,
            Time = n.Time,
            DataContentType = BodyTemplate.JsonContentType,
            Data = JsonSerializer.SerializeToElement(NotificationDocument.Build(job)),
        };
    }

    // The HTTP binding's header encoding: space, '"', '%' and everything outside printable ASCII are percent-encoded as UTF-8.
    private static string HeaderValue(string value)
    {
        var encoded = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is > 0x20 and < 0x7F and not (byte)'"' and not (byte)'%')
            {
                encoded.Append((char)b);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }
}
