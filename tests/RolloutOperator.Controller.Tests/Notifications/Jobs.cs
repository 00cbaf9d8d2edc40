using RolloutOperator.Controller.Notifications;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;
using RolloutOperator.Runtime.Informers;

namespace RolloutOperator.Controller.Tests.Notifications;

/// <summary>A fixed notification (a promotion of revision 7d9f8c6b5 of apps/web) to build payloads and deliveries from.</summary>
internal static class Jobs
{
    public static readonly RolloutIdentity Web = new("apps", "web", "5f1c2d3e-0000-4000-8000-000000000001");

    public static PendingNotification Promoted(string id = "0f1e2d3c4b5a69788796a5b4c3d2e1f0", IReadOnlyList<string>? sinks = null) => new()
    {
        Id = id,
        Reason = "RolloutPromoted",
        Type = "Normal",
        Message = "Revision 7d9f8c6b5 is now stable; revision 5b6c7d8e9 scales down after 30s",
        Triggers = ["on-promoted"],
        Revision = "7d9f8c6b5",
        Step = 2,
        Time = new DateTimeOffset(2026, 12, 3, 16, 0, 5, TimeSpan.Zero),
        Sinks = [.. sinks ?? ["sink"]],
    };

    public static NotificationSinkPlan Sink(NotificationSinkKind kind, Uri address, string name = "sink", params string[] triggers) =>
        new(name, kind, new HashSet<string>(triggers.Length == 0 ? ["on-promoted"] : triggers, StringComparer.Ordinal), address);

    public static DeliveryJob Job(NotificationSinkPlan sink, PendingNotification? notification = null, bool persisted = true) =>
        new(new ObjectKey(Web.Namespace, Web.Name), Web, notification ?? Promoted(sinks: [sink.Name]), sink, persisted);
}
