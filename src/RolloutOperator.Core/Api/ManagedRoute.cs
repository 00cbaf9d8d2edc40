namespace RolloutOperator.Core.Api;

[Description("A route that the operator may add to and remove from the router.")]
public sealed class ManagedRoute
{
    [Description("Route name.")]
    [Required]
    [MaxLength(63)]
    public string Name { get; set; } = "";
}
