using System.Text.Json.Nodes;
using RolloutOperator.Core.Engine;
using RolloutOperator.Model;

namespace RolloutOperator.Controller.Events;

/// <summary>An events.k8s.io/v1 Event about a Rollout, built as JSON so that every MicroTime carries sub-second digits.</summary>
internal static class EventManifest
{
    private const int MaxNoteBytes = 1024;
    private const int MaxReason = 128;
    private const int MaxReportingInstance = 128;

    public static JsonObject Build(Rollout regarding, RolloutEvent rolloutEvent, string reportingInstance, DateTimeOffset now) => new()
    {
        ["apiVersion"] = "events.k8s.io/v1",
        ["kind"] = "Event",
        ["metadata"] = new JsonObject
        {
            ["generateName"] = EventNames.GenerateName(regarding.Metadata.Name),
            ["namespace"] = regarding.Metadata.NamespaceProperty,
        },
        ["eventTime"] = MicroTime.Format(now),
        ["reportingController"] = RolloutApi.ReportingController,
        ["reportingInstance"] = Utf8Text.Truncate(reportingInstance, MaxReportingInstance, string.Empty),
        ["action"] = "Reconcile",
        ["reason"] = Utf8Text.Truncate(rolloutEvent.Reason, MaxReason, string.Empty),
        ["note"] = Utf8Text.Truncate(rolloutEvent.Message, MaxNoteBytes, "…"),
        ["type"] = rolloutEvent.Severity == EventSeverity.Warning ? "Warning" : "Normal",
        ["regarding"] = new JsonObject
        {
            ["apiVersion"] = regarding.ApiVersion,
            ["kind"] = Rollout.KindName,
            ["name"] = regarding.Metadata.Name,
            ["namespace"] = regarding.Metadata.NamespaceProperty,
            ["uid"] = regarding.Metadata.Uid,
        },
    };

    public static JsonObject Series(int count, DateTimeOffset now) => new()
    {
        ["series"] = new JsonObject { ["count"] = count, ["lastObservedTime"] = MicroTime.Format(now) },
    };
}
