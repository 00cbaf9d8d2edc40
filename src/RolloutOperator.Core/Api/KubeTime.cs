namespace RolloutOperator.Core.Api;

public static class KubeTime
{
    /// <summary>metav1.Time keeps whole seconds; truncating before comparing keeps a reconcile from seeing a change that is not there.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    /// <summary>
    /// <paramref name="at"/> + <paramref name="span"/>, saturating at the last representable instant: a start time read
    /// back from status may be anything, and a wake-up "never" is better than an exception that stalls the rollout.
    /// </summary>
    public static DateTimeOffset After(DateTimeOffset at, TimeSpan span)
    {
        var room = DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks;
        return span.Ticks >= room ? DateTimeOffset.MaxValue : at + span;
    }
}
