using System.Text.Json.Nodes;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Controller.Notifications;

/// <summary>The body an <c>event</c> webhook receives for every Event: the notification document with <c>trigger</c> set to the hook type.</summary>
internal static class EventHookMessage
{
    public const string HookType = "event";

    public static NotificationMessage Build(DeliveryJob job)
    {
        var document = NotificationDocument.Build(job);
        document["trigger"] = HookType;
        return new NotificationMessage(document.ToJsonString(), BodyTemplate.JsonContentType, []);
    }
}
