namespace RolloutOperator.Core.Api;

public static class KubeTime
{
    /// <summary>metav1.Time keeps whole seconds; truncating before comparing keeps a reconcile from seeing a change that is not there.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
