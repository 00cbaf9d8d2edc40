namespace RolloutOperator.Core.Api;

[Description("A route and, optionally, the one rule in it to manage.")]
public sealed class RouteRef
{
    [Description("Route name.")]
    [Required]
    [MaxLength(253)]
    public string Name { get; set; } = "";

    [Description("Name of the rule (rules[].name) to manage; omit to manage every rule that references the stable Service.")]
    [MaxLength(253)]
    public string? Rule { get; set; }
}
