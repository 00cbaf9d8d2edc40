using System.Diagnostics;
using RolloutOperator.Controller.Tracing;

namespace RolloutOperator.Controller.Tests.Tracing;

/// <summary>The runtime detail rollout spans rely on: a started Activity can be given a chosen span id.</summary>
public sealed class ActivityIdsTests
{
    [Fact]
    public void TrySet_StartedW3CActivity_SpanIdAndIdCarryTheChosenId()
    {
        using var activity = new Activity("probe");
        activity.SetIdFormat(ActivityIdFormat.W3C);
        activity.ActivityTraceFlags = ActivityTraceFlags.Recorded;
        activity.Start();
        var chosen = ActivitySpanId.CreateFromString("0123456789abcdef");

        Assert.True(ActivityIds.Supported);
        Assert.True(ActivityIds.TrySet(activity, chosen));
        Assert.Equal(chosen, activity.SpanId);
        Assert.Equal($"00-{activity.TraceId.ToHexString()}-0123456789abcdef-01", activity.Id);
        activity.Stop();
    }
}
