namespace RolloutOperator.Core.Plans;

/// <summary>The Rollout's own sinks and whether the operator-wide defaults apply too.</summary>
public sealed record NotificationPlan(bool InheritDefaults, IReadOnlyList<NotificationSinkPlan> Sinks)
{
    public static NotificationPlan None { get; } = new(true, []);

    /// <summary>
    /// The sinks a notification goes to: the defaults (when inherited) minus those a sink of the same name replaces, then
    /// this Rollout's sinks.
    /// </summary>
    public IReadOnlyList<NotificationSinkPlan> Effective(IReadOnlyList<NotificationSinkPlan> defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        var own = Sinks.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var inherited = InheritDefaults ? defaults.Where(d => !own.Contains(d.Name)) : [];
        return [.. inherited, .. Sinks];
    }
}
