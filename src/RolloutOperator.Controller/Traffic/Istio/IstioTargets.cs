using System.Text.Json.Nodes;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.Traffic.Istio;

/// <summary>The objects one Rollout's Istio routing names, resolved against the Rollout's namespace and Services.</summary>
internal sealed record IstioTargets(IReadOnlyList<VirtualServiceTarget> VirtualServices, IstioObjectRef? DestinationRule, SubsetRouting? Subsets)
{
    public static IstioRouting Routing(TrafficRoutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Routing.Istio ?? throw new TrafficRoutingException("trafficRouting.istio is not set");
    }

    public static IstioObjectRef? RuleRef(TrafficRoutingContext context) =>
        Routing(context).DestinationRule is { } rule ? new IstioObjectRef(IstioKind.DestinationRule, context.Namespace, rule.Name) : null;

    /// <summary>
    /// Builds the targets; for subset-based routing <paramref name="rule"/> is the DestinationRule, whose host must be a
    /// Service selecting every revision: the stable and canary Services select one revision each, so a subset of them
    /// would select nothing.
    /// </summary>
    public static IstioTargets Create(TrafficRoutingContext context, JsonObject? rule)
    {
        var istio = Routing(context);
        var reference = RuleRef(context);
        SubsetRouting? subsets = null;
        if (istio.DestinationRule is { } spec && reference is not null && rule is not null)
        {
            var host = DestinationRulePatch.Host(rule, reference);
            var service = ServiceHosts.ServiceOf(host, context.Namespace);
            if (service == context.StableService || service == context.CanaryService)
            {
                throw new TrafficRoutingException($"{reference} host {host} is the {(service == context.StableService ? "stable" : "canary")} Service, which selects one revision only; use a Service that selects every revision");
            }

            subsets = new SubsetRouting(host, spec.StableSubsetName ?? IstioDestinationRule.DefaultStableSubset, spec.CanarySubsetName ?? IstioDestinationRule.DefaultCanarySubset);
        }

        var roles = new DestinationRoles(context.Namespace, context.StableService, context.CanaryService, subsets);
        var services = (istio.VirtualServices ?? [])
            .Select(v => new VirtualServiceTarget(new IstioObjectRef(IstioKind.VirtualService, context.Namespace, v.Name), v, roles))
            .ToList();
        return new IstioTargets(services, reference, subsets);
    }
}
