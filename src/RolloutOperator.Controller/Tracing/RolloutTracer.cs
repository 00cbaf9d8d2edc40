using System.Diagnostics;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;
using RolloutOperator.Core.Tracing;
using RolloutOperator.Model;

namespace RolloutOperator.Controller.Tracing;

/// <summary>
/// Records the trace of each revision rollout in status and turns what a status write completed into Activities on
/// <see cref="SourceName"/>, with the start and end times status holds. Disabled (the default), it does neither; enabled
/// without a listener (no tracer provider) it only records the trace id.
/// </summary>
internal sealed class RolloutTracer
{
    public const string SourceName = "RolloutOperator";
    private static readonly ActivitySource Source = new(SourceName, typeof(RolloutTracer).Assembly.GetName().Version?.ToString());

    public RolloutTracer(bool enabled) => Enabled = enabled;

    public static RolloutTracer Disabled { get; } = new(false);

    public bool Enabled { get; }

    /// <summary>The status to write: <paramref name="next"/> with the trace it belongs to, when tracing is on.</summary>
    internal RolloutStatus Annotate(Rollout rollout, RolloutStatus before, RolloutStatus next) =>
        Enabled ? next with { Trace = TraceTracker.Next(rollout.Metadata.Uid ?? "", before, next) } : next;

    /// <summary>
    /// Emits the spans the write from <paramref name="before"/> to <paramref name="written"/> completed. Called only after
    /// that write succeeded, so a write lost to a conflict emits nothing and the retried pass emits it once.
    /// </summary>
    internal int Emit(Rollout rollout, RolloutPlan? plan, RolloutStatus before, RolloutStatus written)
    {
        if (!Enabled || !Source.HasListeners())
        {
            return 0;
        }

        var emitted = 0;
        foreach (var span in RolloutSpans.Completed(plan, before, written))
        {
            emitted += Emit(rollout, span) ? 1 : 0;
        }

        return emitted;
    }

    private static bool Emit(Rollout rollout, SpanRecord span)
    {
        var traceId = ActivityTraceId.CreateFromString(span.TraceId);

        // The parent is given as remote and sampled: the whole trace shares one sampling decision, made on its trace id.
        var parent = new ActivityContext(
            traceId, span.ParentSpanId is { } p ? ActivitySpanId.CreateFromString(p) : default, ActivityTraceFlags.Recorded, isRemote: true);
        using var activity = Source.CreateActivity(span.Name, ActivityKind.Internal, parent, idFormat: ActivityIdFormat.W3C);
        if (activity is null)
        {
            return false;
        }

        activity.SetStartTime(span.Start.UtcDateTime);
        activity.SetTag(SpanAttributes.Namespace, rollout.Metadata.NamespaceProperty);
        activity.SetTag(SpanAttributes.Rollout, rollout.Metadata.Name);
        activity.SetTag(SpanAttributes.RolloutUid, rollout.Metadata.Uid);
        foreach (var (key, value) in span.Attributes)
        {
            activity.SetTag(key, value);
        }

        activity.SetStatus(Status(span.Outcome), span.Outcome == SpanOutcome.Error ? span.StatusMessage : null);
        var previous = Activity.Current;
        activity.Start();
        Activity.Current = previous;
        ActivityIds.TrySet(activity, ActivitySpanId.CreateFromString(span.SpanId));
        // Stop() replaces a zero duration by "now": an instantaneous span (a measurement) lasts one tick instead.
        activity.SetEndTime((span.End > span.Start ? span.End : span.Start.AddTicks(1)).UtcDateTime);
        activity.Stop();
        return true;
    }

    private static ActivityStatusCode Status(SpanOutcome outcome) => outcome switch
    {
        SpanOutcome.Ok => ActivityStatusCode.Ok,
        SpanOutcome.Error => ActivityStatusCode.Error,
        _ => ActivityStatusCode.Unset,
    };
}
