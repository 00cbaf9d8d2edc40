using System.Text;
using System.Text.Json.Nodes;
using RolloutOperator.Controller.Model;
using RolloutOperator.Controller.Reconciliation;
using RolloutOperator.Core.Engine;

namespace RolloutOperator.Controller.Events;

/// <summary>An events.k8s.io/v1 Event about a Rollout, built as JSON so that every MicroTime carries sub-second digits.</summary>
internal static class EventManifest
{
    private const int MaxNoteBytes = 1024;
    private const int MaxReason = 128;

    public static JsonObject Build(Rollout regarding, RolloutEvent rolloutEvent, string reportingInstance, DateTimeOffset now) => new()
    {
        ["apiVersion"] = "events.k8s.io/v1",
        ["kind"] = "Event",
        ["metadata"] = new JsonObject
        {
            ["generateName"] = regarding.Metadata.Name + ".",
            ["namespace"] = regarding.Metadata.NamespaceProperty,
        },
        ["eventTime"] = MicroTime.Format(now),
        ["reportingController"] = RolloutApi.ReportingController,
        ["reportingInstance"] = reportingInstance,
        ["action"] = "Reconcile",
        ["reason"] = rolloutEvent.Reason.Length <= MaxReason ? rolloutEvent.Reason : rolloutEvent.Reason[..MaxReason],
        ["note"] = Note(rolloutEvent.Message),
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

    /// <summary>The note is capped at 1024 bytes of UTF-8; cut on a character boundary.</summary>
    private static string Note(string message)
    {
        if (Encoding.UTF8.GetByteCount(message) <= MaxNoteBytes)
        {
            return message;
        }

        var length = Math.Min(message.Length, MaxNoteBytes - 3);
        while (Encoding.UTF8.GetByteCount(message.AsSpan(0, length)) > MaxNoteBytes - 3)
        {
            length--;
        }

        return message[..length] + "…";
    }
}
