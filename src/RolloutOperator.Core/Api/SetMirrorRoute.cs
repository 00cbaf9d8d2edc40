namespace RolloutOperator.Core.Api;

[Description("Mirror (shadow) a share of the matching requests to the canary; responses from the canary are discarded. Percentage 0 removes the route.")]
public sealed class SetMirrorRoute
{
    [Description("Name of the route; must be listed in trafficRouting.managedRoutes.")]
    [Required]
    [MaxLength(63)]
    public string Name { get; set; } = "";

    [Description("Header matches, all of which must hold; omit to mirror every request the managed routes carry.")]
    [MaxLength(16)]
    [AtomicList]
    public List<HeaderMatch>? Match { get; set; }

    [Description("Share of the matching requests to mirror, 0 to 100 with at most two decimals; 0 removes the route.")]
    [Range(0, 100)]
    [DefaultValue(100)]
    public double? Percentage { get; set; }
}
