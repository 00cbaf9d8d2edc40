namespace RolloutOperator.Core.Api;

[Description("Notifications about this Rollout: sinks and the triggers each one receives. Added to the operator-wide default sinks; a sink named like a default one replaces it.")]
public sealed class RolloutNotifications
{
    [Description("Also deliver to the operator-wide default sinks (minus those replaced by a sink of the same name here).")]
    [DefaultValue(true)]
    public bool? InheritDefaults { get; set; }

    [Description("Sinks of this Rollout, each with the triggers it receives.")]
    [MaxLength(8)]
    [ListMapKeys("name")]
    public List<NotificationSink>? Sinks { get; set; }
}
