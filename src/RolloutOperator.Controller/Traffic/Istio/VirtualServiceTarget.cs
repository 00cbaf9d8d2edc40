using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.Traffic.Istio;

/// <summary>One VirtualService the Rollout manages, the routes in it the spec names, and how to tell stable from canary.</summary>
internal sealed record VirtualServiceTarget(IstioObjectRef Ref, IstioVirtualService Spec, DestinationRoles Roles)
{
    public override string ToString() => Ref.ToString();

    /// <summary>True when the spec names no route, so every route to the stable destination is managed.</summary>
    public bool ManagesAll =>
        (Spec.HttpRoutes?.Count ?? 0) + (Spec.TlsRoutes?.Count ?? 0) + (Spec.TcpRoutes?.Count ?? 0) == 0;
}
