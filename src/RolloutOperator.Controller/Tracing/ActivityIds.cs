using System.Diagnostics;
using System.Reflection;

namespace RolloutOperator.Controller.Tracing;

/// <summary>
/// Gives a started Activity a chosen span id. The runtime offers no public way to do so (only trace ids can be chosen,
/// through the parent), yet rollout spans need ids fixed in advance: a step span is emitted before its parent, the
/// rollout span, exists, and by whichever operator process is running then. The two private fields written here back
/// <see cref="Activity.SpanId"/> and <see cref="Activity.Id"/>; <see cref="Supported"/> is false when they are missing
/// and a test pins the behaviour, so a runtime change shows up as a failing test, not as broken traces.
/// </summary>
internal static class ActivityIds
{
    private static readonly FieldInfo? SpanIdField = typeof(Activity).GetField("_spanId", BindingFlags.Instance | BindingFlags.NonPublic);
    private static readonly FieldInfo? IdField = typeof(Activity).GetField("_id", BindingFlags.Instance | BindingFlags.NonPublic);

    public static bool Supported => SpanIdField?.FieldType == typeof(string) && IdField?.FieldType == typeof(string);

    /// <summary>Sets the span id of a started W3C activity; false (the activity left as it was) when that is not possible.</summary>
    public static bool TrySet(Activity activity, ActivitySpanId spanId)
    {
        if (!Supported || activity.IdFormat != ActivityIdFormat.W3C)
        {
            return false;
        }

        var flags = activity.Recorded ? "01" : "00";
        SpanIdField!.SetValue(activity, spanId.ToHexString());
        IdField!.SetValue(activity, $"00-{activity.TraceId.ToHexString()}-{spanId.ToHexString()}-{flags}");
        return activity.SpanId == spanId;
    }
}
