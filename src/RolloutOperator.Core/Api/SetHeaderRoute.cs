namespace RolloutOperator.Core.Api;

[Description("A header-based route to the canary. An empty match list removes the route.")]
public sealed class SetHeaderRoute
{
    [Description("Name of the route; must be listed in trafficRouting.managedRoutes.")]
    [Required]
    [MaxLength(63)]
    public string Name { get; set; } = "";

    [Description("Header matches, all of which must hold.")]
    [MaxLength(16)]
    [AtomicList]
    public List<HeaderMatch>? Match { get; set; }
}
