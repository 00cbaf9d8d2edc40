namespace RolloutOperator.Core.Api;

[Description("Traffic to the canary: what the operator wants and what the router reports.")]
public sealed record TrafficStatus
{
    [Description("Desired canary weight, 0..100.")]
    [Range(0, 100)]
    public int DesiredWeight { get; init; }

    [Description("Canary weight the router reports; unset until observed.")]
    [Range(0, 100)]
    public int? ObservedWeight { get; init; }

    [Description("Header routes currently desired.")]
    [MaxLength(16)]
    [AtomicList]
    public List<string>? HeaderRoutes { get; init; }

    [Description("Mirror routes currently desired.")]
    [MaxLength(16)]
    [AtomicList]
    public List<string>? MirrorRoutes { get; init; }
}
