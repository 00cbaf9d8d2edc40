namespace RolloutOperator.Core.Api;

[Description("Istio routing: the operator writes only the destination weights of the managed routes in the user's VirtualServices (plus its own header and mirror routes), and, for subset-based routing, the revision label of the DestinationRule's stable and canary subsets.")]
public sealed class IstioRouting
{
    [Description("VirtualServices in the Rollout's namespace whose routes carry the weights.")]
    [Required]
    [MaxLength(8)]
    [ListMapKeys("name")]
    public List<IstioVirtualService> VirtualServices { get; set; } = [];

    [Description("Subset-based routing: the DestinationRule whose stable and canary subsets select the revisions. Omit for host-based routing (destinations to the stable and canary Services).")]
    public IstioDestinationRule? DestinationRule { get; set; }
}
